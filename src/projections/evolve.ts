import type { Entry } from '../model/entries.js';
import type { ContainerStatus, KubeObject, Node, Pod, PodCondition, ReplicationController } from '../model/types.js';

/**
 * The reducer of every kind: the object an entry concerns, before and after.
 * Pure: the entry carries every choice (names, uids, ids, times); nothing here
 * reads a clock or a random source. `undefined` means the object does not
 * exist (before creation, after deletion).
 */
export function evolve(state: KubeObject | undefined, entry: Entry): KubeObject | undefined {
  const rv = String(entry.seq);
  switch (entry.type) {
    case 'ClusterInitialized':
    case 'NamespaceCreated':
    case 'NodeRegistered':
    case 'ReplicationControllerCreated':
    case 'PodCreated':
    case 'EventRecorded':
      return withVersion(entry.data.object, rv);
    case 'ClockAdvanced': {
      if (state?.kind !== 'Cluster') return missing(entry);
      return withVersion({ ...state, status: { time: entry.data.time } }, rv);
    }
    case 'NodeImagePulled':
      return updateNode(state, entry, (node) => ({
        ...node,
        status: { ...node.status, images: [...node.status.images, entry.data.image] },
      }));
    case 'ReplicationControllerScaled':
      return updateRC(state, entry, (rc) => ({
        ...rc,
        metadata: { ...rc.metadata, generation: (rc.metadata.generation ?? 1) + 1 },
        spec: { ...rc.spec, replicas: entry.data.replicas },
      }));
    case 'ReplicationControllerStatusUpdated':
      return updateRC(state, entry, (rc) => ({
        ...rc,
        status: { replicas: entry.data.replicas, observedGeneration: entry.data.observedGeneration },
      }));
    case 'ReplicationControllerDeleted':
    case 'PodDeleted':
    case 'NamespaceDeleted':
    case 'EventDeleted':
      return undefined;
    case 'NamespaceDeletionRequested': {
      if (state?.kind !== 'Namespace') return missing(entry);
      return withVersion(
        { ...state, metadata: { ...state.metadata, deletionTimestamp: entry.data.deletionTimestamp }, status: { phase: 'Terminating' } },
        rv,
      );
    }
    case 'PodAdopted':
      return updatePod(state, entry, (pod) => ({
        ...pod,
        metadata: { ...pod.metadata, ownerReferences: [entry.data.ownerReference] },
      }));
    case 'PodBound':
      return updatePod(state, entry, (pod) => ({ ...pod, spec: { ...pod.spec, nodeName: entry.data.nodeName } }));
    case 'PodSandboxStarted':
      return updatePod(state, entry, (pod) => ({
        ...pod,
        metadata: {
          ...pod.metadata,
          annotations: { ...pod.metadata.annotations, [SANDBOX_ANNOTATION]: entry.data.sandboxID },
        },
        status: {
          ...pod.status,
          phase: 'Pending',
          hostIP: entry.data.hostIP,
          podIP: entry.data.podIP,
          startTime: entry.data.startTime,
          conditions: [readyCondition('False', entry.data.startTime)],
          containerStatuses: pod.spec.containers.map((c) => waitingStatus(c.name, c.image)),
        },
      }));
    case 'ImagePullStarted': {
      const { container, image } = entry.data;
      return updatePod(state, entry, (pod) => ({
        ...pod,
        status: {
          ...pod.status,
          containerStatuses: (pod.status.containerStatuses ?? []).map((s) =>
            s.name === container ? { ...s, state: { waiting: { reason: 'ContainerCreating', message: pullingMessage(image) } } } : s,
          ),
        },
      }));
    }
    case 'ContainerStarted': {
      const started = entry.data.status;
      return updatePod(state, entry, (pod) => ({
        ...pod,
        status: {
          ...pod.status,
          containerStatuses: (pod.status.containerStatuses ?? []).map((s) => (s.name === started.name ? started : s)),
        },
      }));
    }
    case 'PodReady':
      return updatePod(state, entry, (pod) => ({
        ...pod,
        status: {
          ...pod.status,
          phase: 'Running',
          conditions: [readyCondition('True', entry.data.transitionTime)],
          containerStatuses: (pod.status.containerStatuses ?? []).map((s) => (s.state.running ? { ...s, ready: true } : s)),
        },
      }));
    case 'PodDeletionRequested':
      return updatePod(state, entry, (pod) => ({
        ...pod,
        metadata: {
          ...pod.metadata,
          deletionTimestamp: entry.data.deletionTimestamp,
          deletionGracePeriodSeconds: entry.data.gracePeriodSeconds,
        },
      }));
    case 'EventRepeated': {
      if (state?.kind !== 'Event') return missing(entry);
      return {
        ...state,
        metadata: { ...state.metadata, resourceVersion: rv },
        count: entry.data.count,
        lastTimestamp: entry.data.lastTimestamp,
      };
    }
    default: {
      const exhaustive: never = entry;
      throw new Error(`unknown entry type ${(exhaustive as Entry).type}`);
    }
  }
}

/** Where the kubelet keeps the id of a pod's infra container; v1 PodStatus has no field for it. */
export const SANDBOX_ANNOTATION = 'kubelog.io/infra-container-id';

/** The waiting message of a container whose image is being pulled; the kubelet recognises pulls by it. */
export function pullingMessage(image: string): string {
  return `pulling image "${image}"`;
}

function withVersion<T extends KubeObject>(object: T, resourceVersion: string): T {
  return { ...object, metadata: { ...object.metadata, resourceVersion } };
}

function missing(entry: Entry): never {
  throw new Error(`entry ${entry.seq} (${entry.type}) concerns ${entry.kind} ${entry.namespace}/${entry.name}, which does not exist`);
}

function updatePod(state: KubeObject | undefined, entry: Entry, change: (pod: Pod) => Pod): Pod {
  if (state?.kind !== 'Pod') return missing(entry);
  return withVersion(change(state), String(entry.seq));
}

function updateRC(
  state: KubeObject | undefined,
  entry: Entry,
  change: (rc: ReplicationController) => ReplicationController,
): ReplicationController {
  if (state?.kind !== 'ReplicationController') return missing(entry);
  return withVersion(change(state), String(entry.seq));
}

function updateNode(state: KubeObject | undefined, entry: Entry, change: (node: Node) => Node): Node {
  if (state?.kind !== 'Node') return missing(entry);
  return withVersion(change(state), String(entry.seq));
}

function readyCondition(status: 'True' | 'False', lastTransitionTime: string): PodCondition {
  return { type: 'Ready', status, lastProbeTime: null, lastTransitionTime };
}

function waitingStatus(name: string, image: string): ContainerStatus {
  return {
    name,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
    ready: false,
    restartCount: 0,
    image,
    imageID: '',
  };
}
