// kubectl v1.1 `describe` (pkg/kubectl/describe.go): lines of tab-separated
// cells, aligned by tabbedString's tabwriter, then the object's Events.

import type {
  ContainerState,
  Event,
  Node,
  Pod,
  PodSpec,
  ReplicationController,
} from '../../src/model/types.js';
import { byLastTimestamp, formatEventSource, formatLabels } from './format.js';
import { DESCRIBE, formatTabbed } from './tabwriter.js';
import { rfc1123z, translateTimestamp } from './time.js';

// The grace period the API server applies when a pod names none.
const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/**
 * `kubectl describe pod`.
 *
 * @param rcs the replication controllers whose selector matches the pod
 * @param events the Events whose involvedObject is the pod, in log order
 */
export function describePod(
  pod: Pod,
  rcs: readonly ReplicationController[],
  events: readonly Event[],
  now: Date,
): string {
  const { metadata, spec, status } = pod;
  const out: string[] = [
    `Name:\t${metadata.name}\n`,
    `Namespace:\t${metadata.namespace ?? ''}\n`,
    `Image(s):\t${imageList(spec)}\n`,
    `Node:\t${spec.nodeName ?? ''}/${status.hostIP ?? ''}\n`,
  ];
  if (status.startTime) out.push(`Start Time:\t${rfc1123z(status.startTime)}\n`);
  out.push(`Labels:\t${formatLabels(metadata.labels)}\n`);
  if (metadata.deletionTimestamp) {
    const grace =
      metadata.deletionGracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS;
    out.push(
      `Status:\tTerminating (expires ${rfc1123z(metadata.deletionTimestamp)})\n`,
      `Termination Grace Period:\t${grace}s\n`,
    );
  } else {
    out.push(`Status:\t${status.phase}\n`);
  }
  out.push(
    `Reason:\t${status.reason ?? ''}\n`,
    `Message:\t${status.message ?? ''}\n`,
    `IP:\t${status.podIP ?? ''}\n`,
    `Replication Controllers:\t${replicationControllerList(rcs)}\n`,
    'Containers:\n',
    ...containers(pod),
  );
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    out.push('Conditions:\n  Type\tStatus\n', ...conditions.map((c) => `  ${c.type} \t${c.status} \n`));
  }
  out.push('No volumes.\n', describeEvents(events, now));
  return tabbed(out);
}

/**
 * `kubectl describe rc`.
 *
 * @param pods the pods the controller's selector matches in its namespace
 * @param events the Events whose involvedObject is the controller, in log order
 */
export function describeReplicationController(
  rc: ReplicationController,
  pods: readonly Pod[],
  events: readonly Event[],
  now: Date,
): string {
  const count = (phase: Pod['status']['phase']): number => pods.filter((p) => p.status.phase === phase).length;
  return tabbed([
    `Name:\t${rc.metadata.name}\n`,
    `Namespace:\t${rc.metadata.namespace ?? ''}\n`,
    `Image(s):\t${imageList(rc.spec.template.spec)}\n`,
    `Selector:\t${formatLabels(rc.spec.selector)}\n`,
    `Labels:\t${formatLabels(rc.metadata.labels)}\n`,
    `Replicas:\t${rc.status.replicas} current / ${rc.spec.replicas} desired\n`,
    `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ` +
      `${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`,
    'No volumes.\n',
    describeEvents(events, now),
  ]);
}

/**
 * `kubectl describe node`.
 *
 * @param pods the pods bound to the node (terminated ones are left out here, as v1.1 does)
 * @param events the Events whose involvedObject is the node, in log order
 */
export function describeNode(node: Node, pods: readonly Pod[], events: readonly Event[], now: Date): string {
  const { status, spec } = node;
  const info = status.nodeInfo;
  const out: string[] = [
    `Name:\t${node.metadata.name}\n`,
    `Labels:\t${formatLabels(node.metadata.labels)}\n`,
    `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`,
    // Our nodes carry no status.phase; v1.1 kubelets left it empty too.
    'Phase:\t\n',
  ];
  if (status.conditions.length > 0) {
    out.push(
      'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
      '  ────\t──────\t─────────────────\t──────────────────\t──────\t───────\n',
      ...status.conditions.map(
        (c) =>
          `  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t` +
          `${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`,
      ),
    );
  }
  out.push(`Addresses:\t${status.addresses.map((a) => a.address).join(',')}\n`);
  // Go ranges over the capacity map in random order; sorting makes it stable.
  const resources = Object.keys(status.capacity).sort();
  if (resources.length > 0) {
    out.push('Capacity:\n', ...resources.map((r) => ` ${r}:\t${status.capacity[r] ?? ''}\n`));
  }
  out.push(
    'System Info:\n',
    ` Machine ID:\t${info.machineID}\n`,
    ` System UUID:\t${info.systemUUID}\n`,
    ` Boot ID:\t${info.bootID}\n`,
    ` Kernel Version:\t${info.kernelVersion}\n`,
    ` OS Image:\t${info.osImage}\n`,
    ` Container Runtime Version:\t${info.containerRuntimeVersion}\n`,
    ` Kubelet Version:\t${info.kubeletVersion}\n`,
    ` Kube-Proxy Version:\t${info.kubeProxyVersion}\n`,
  );
  if (spec.podCIDR) out.push(`PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.externalID) out.push(`ExternalID:\t${spec.externalID}\n`);

  const running = pods.filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  // Our containers declare no resource requests or limits, so every quantity
  // is zero and every fraction of capacity 0%.
  const zero = '0 (0%)';
  out.push(
    `Non-terminated Pods:\t(${running.length} in total)\n`,
    '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\n',
    '  ─────────\t────\t\t────────────\t──────────\t───────────────\t─────────────\n',
    ...running.map(
      (p) => `  ${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${zero}\t${zero}\t${zero}\t${zero}\n`,
    ),
    'Allocated resources:\n  (Total limits may be over 100%, i.e., overcommitted. ' +
      'More info: http://releases.k8s.io/HEAD/docs/user-guide/compute-resources.md)\n' +
      '  CPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\n',
    '  ────────────\t──────────\t───────────────\t─────────────\n',
    `  ${zero}\t${zero}\t${zero}\t${zero}\n`,
    describeEvents(events, now),
  );
  return tabbed(out);
}

function tabbed(parts: readonly string[]): string {
  const text = formatTabbed(parts.join(''), DESCRIBE);
  // v1.1 ends "No events." without a newline; a shell prompt would follow it.
  return text.endsWith('\n') ? text : `${text}\n`;
}

function imageList(spec: PodSpec): string {
  return spec.containers.map((c) => c.image).join(',');
}

function replicationControllerList(rcs: readonly ReplicationController[]): string {
  if (rcs.length === 0) return '<none>';
  return rcs.map((rc) => `${rc.metadata.name} (${rc.status.replicas}/${rc.spec.replicas} replicas created)`).join(', ');
}

function containers(pod: Pod): string[] {
  const statuses = new Map((pod.status.containerStatuses ?? []).map((s) => [s.name, s]));
  return pod.spec.containers.flatMap((container) => {
    const status = statuses.get(container.name);
    return [
      `  ${container.name}:\n`,
      `    Container ID:\t${status?.containerID ?? ''}\n`,
      `    Image:\t${container.image}\n`,
      `    Image ID:\t${status?.imageID ?? ''}\n`,
      ...containerState('State', status?.state),
      ...(status?.lastState.terminated ? containerState('Last Termination State', status.lastState) : []),
      `    Ready:\t${status?.ready ? 'True' : 'False'}\n`,
      `    Restart Count:\t${status?.restartCount ?? 0}\n`,
      '    Environment Variables:\n',
      ...(container.env ?? []).map((e) => `      ${e.name}:\t${e.value ?? ''}\n`),
    ];
  });
}

// v1.1's describeStatus, which checks running, then waiting, then terminated;
// a container with no state yet reads as Waiting.
function containerState(label: string, state: ContainerState | undefined): string[] {
  if (state?.running) {
    return [`    ${label}:\tRunning\n`, `      Started:\t${rfc1123z(state.running.startedAt)}\n`];
  }
  const terminated = state?.waiting ? undefined : state?.terminated;
  if (terminated) {
    return [
      `    ${label}:\tTerminated\n`,
      ...(terminated.reason ? [`      Reason:\t${terminated.reason}\n`] : []),
      `      Exit Code:\t${terminated.exitCode}\n`,
      `      Started:\t${rfc1123z(terminated.startedAt)}\n`,
      `      Finished:\t${rfc1123z(terminated.finishedAt)}\n`,
    ];
  }
  const reason = state?.waiting?.reason;
  return [`    ${label}:\tWaiting\n`, ...(reason ? [`      Reason:\t${reason}\n`] : [])];
}

// v1.1's DescribeEvents.
function describeEvents(events: readonly Event[], now: Date): string {
  if (events.length === 0) return 'No events.';
  return [
    'Events:\n  FirstSeen\tLastSeen\tCount\tFrom\tSubobjectPath\tReason\tMessage\n',
    '  ─────────\t────────\t─────\t────\t─────────────\t──────\t───────\n',
    ...byLastTimestamp(events).map(
      (e) =>
        `  ${translateTimestamp(e.firstTimestamp, now)}\t${translateTimestamp(e.lastTimestamp, now)}\t` +
        `${e.count}\t${formatEventSource(e.source)}\t${e.involvedObject.fieldPath ?? ''}\t${e.reason}\t${e.message}\n`,
    ),
  ].join('');
}
