import { createHash } from 'node:crypto';
import type { Action } from '../api/api.js';
import type { IdSource } from '../api/ids.js';
import type { EventSource, Node, Pod } from '../model/types.js';
import { SANDBOX_ANNOTATION } from '../projections/evolve.js';
import { objectReference } from './shared.js';

/** The image of the infra container that holds a pod's network namespace (Kubernetes v1.1). */
export const INFRA_IMAGE = 'gcr.io/google_containers/pause:0.8.0';
const INFRA_FIELD_PATH = 'implicitly required container POD';

/** What a stage may use besides the pod: the node, and the kubelet's choices for this pass. */
export interface StageContext {
  readonly node: Node;
  readonly source: EventSource;
  readonly ids: IdSource;
  /** Images on the node, including those pulled earlier in this pass. */
  readonly images: Set<string>;
  allocatePodIP(): string;
}

/**
 * One step of a pod's simulated life on a node, as kwok describes them: which
 * pods it applies to, and what the kubelet then does. The kubelet applies the
 * first stage that matches, once per pass; the entries it appends make the
 * next stage match. New behaviour (pull failures, crash loops) is a new row.
 */
export interface PodStage {
  readonly name: string;
  matches(pod: Pod): boolean;
  act(pod: Pod, ctx: StageContext): Action[];
}

export const podStages: readonly PodStage[] = [
  {
    name: 'kill',
    matches: (pod) => Boolean(pod.metadata.deletionTimestamp),
    act(pod, ctx) {
      const actions: Action[] = [];
      for (const status of pod.status.containerStatuses ?? []) {
        if (status.state.running && status.containerID) {
          actions.push(event(pod, ctx, `spec.containers{${status.name}}`, 'Killing', `Killing with docker id ${shortID(status.containerID)}`));
        }
      }
      const sandbox = pod.metadata.annotations?.[SANDBOX_ANNOTATION];
      if (sandbox) actions.push(event(pod, ctx, INFRA_FIELD_PATH, 'Killing', `Killing with docker id ${shortID(sandbox)}`));
      actions.push({ type: 'DeletePod', namespace: ns(pod), name: pod.metadata.name, gracePeriodSeconds: 0, resourceVersion: pod.metadata.resourceVersion });
      return actions;
    },
  },
  {
    name: 'start-infra-container',
    matches: (pod) => !pod.metadata.annotations?.[SANDBOX_ANNOTATION],
    act(pod, ctx) {
      const id = ctx.ids.containerID();
      return [
        ...pullImage(pod, ctx, INFRA_FIELD_PATH, INFRA_IMAGE),
        {
          type: 'StartPodSandbox',
          namespace: ns(pod),
          name: pod.metadata.name,
          hostIP: ctx.node.metadata.name,
          podIP: ctx.allocatePodIP(),
          sandboxID: `docker://${id}`,
          resourceVersion: pod.metadata.resourceVersion,
        },
        event(pod, ctx, INFRA_FIELD_PATH, 'Created', `Created with docker id ${id.slice(0, 12)}`),
        event(pod, ctx, INFRA_FIELD_PATH, 'Started', `Started with docker id ${id.slice(0, 12)}`),
      ];
    },
  },
  {
    name: 'start-containers',
    matches: (pod) => pod.status.phase === 'Pending',
    act(pod, ctx) {
      const actions: Action[] = [];
      const running = new Set((pod.status.containerStatuses ?? []).filter((s) => s.state.running).map((s) => s.name));
      for (const container of pod.spec.containers) {
        if (running.has(container.name)) continue;
        const fieldPath = `spec.containers{${container.name}}`;
        const id = ctx.ids.containerID();
        actions.push(
          ...pullImage(pod, ctx, fieldPath, container.image),
          event(pod, ctx, fieldPath, 'Created', `Created with docker id ${id.slice(0, 12)}`),
          {
            type: 'StartContainer',
            namespace: ns(pod),
            name: pod.metadata.name,
            containerName: container.name,
            containerID: `docker://${id}`,
            imageID: imageID(container.image),
          },
          event(pod, ctx, fieldPath, 'Started', `Started with docker id ${id.slice(0, 12)}`),
        );
      }
      actions.push({ type: 'MarkPodReady', namespace: ns(pod), name: pod.metadata.name });
      return actions;
    },
  },
];

/** Pulled at once if the node has the image, else Pulling, the pull, and Pulled. */
function pullImage(pod: Pod, ctx: StageContext, fieldPath: string, image: string): Action[] {
  if (ctx.images.has(image)) {
    return [event(pod, ctx, fieldPath, 'Pulled', `Container image "${image}" already present on machine`)];
  }
  ctx.images.add(image);
  return [
    event(pod, ctx, fieldPath, 'Pulling', `pulling image "${image}"`),
    { type: 'PullImage', nodeName: ctx.node.metadata.name, image: { names: [image], sizeBytes: imageSize(image) } },
    event(pod, ctx, fieldPath, 'Pulled', `Successfully pulled image "${image}"`),
  ];
}

function event(pod: Pod, ctx: StageContext, fieldPath: string, reason: string, message: string): Action {
  return { type: 'RecordEvent', involvedObject: objectReference(pod, fieldPath), reason, message, source: ctx.source };
}

/** An image's id is its content's digest: the same image has the same id on every node. */
export function imageID(image: string): string {
  return `docker://${createHash('sha256').update(image).digest('hex')}`;
}

function imageSize(image: string): number {
  return 10_000_000 + (createHash('sha256').update(image).digest().readUInt32BE(0) % 200_000_000);
}

function shortID(containerID: string): string {
  return containerID.replace(/^docker:\/\//, '').slice(0, 12);
}

function ns(pod: Pod): string {
  return pod.metadata.namespace ?? 'default';
}
