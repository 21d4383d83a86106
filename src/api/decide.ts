import { createHash } from 'node:crypto';
import type { EntryBody, EntrySubject } from '../model/entries.js';
import { ApiError, alreadyExists, invalid, notFound, resourceFor } from '../model/errors.js';
import { CLUSTER_NAME } from '../model/types.js';
import type { Cluster, ContainerStatus, Event, Kind, KubeObject, Namespace, Pod, ReplicationController } from '../model/types.js';
import { validateNamespace, validatePod, validateReplicationController } from '../model/validation.js';
import type { ObjectKey } from '../projections/store.js';
import type { Command } from './commands.js';
import { conflictOn } from './conflict.js';
import type { IdSource } from './ids.js';

export type Proposed = EntryBody & EntrySubject;

/** The state a decision reads: objects by key, as of one revision plus the batch so far. */
export interface StateView {
  get(key: ObjectKey): KubeObject | undefined;
}

export interface DecideEnv {
  readonly now: Date;
  readonly ids: IdSource;
}

/** The objects a command's decision reads, so that they can be loaded (and expected unchanged) first. */
export function reads(command: Command): ObjectKey[] {
  switch (command.type) {
    case 'CreateNamespace':
    case 'DeleteNamespace':
    case 'RemoveNamespace':
      return [namespaceKey(command.name)];
    case 'DeleteEvent':
      return [{ kind: 'Event', namespace: command.namespace, name: command.name }];
    case 'RegisterNode':
      return [{ kind: 'Node', namespace: '', name: command.node.metadata.name }];
    case 'PullImage':
      return [{ kind: 'Node', namespace: '', name: command.nodeName }];
    case 'CreateReplicationController':
      return [namespaceKey(command.namespace), { kind: 'ReplicationController', namespace: command.namespace, name: command.name }];
    case 'ScaleReplicationController':
    case 'UpdateReplicationControllerStatus':
    case 'DeleteReplicationController':
      return [{ kind: 'ReplicationController', namespace: command.namespace, name: command.name }];
    case 'CreatePod':
      return [namespaceKey(command.namespace), { kind: 'Pod', namespace: command.namespace, name: command.name ?? '' }];
    case 'InitializeCluster':
    case 'AdvanceClock':
      return [CLUSTER_KEY];
    case 'AdoptPod':
    case 'BindPod':
    case 'StartPodSandbox':
    case 'StartImagePull':
    case 'StartContainer':
    case 'MarkPodReady':
    case 'DeletePod':
      return [{ kind: 'Pod', namespace: command.namespace, name: command.name }];
    case 'RecordEvent':
      return [eventKey(command)];
    default: {
      const exhaustive: never = command;
      throw new Error(`unknown command ${(exhaustive as Command).type}`);
    }
  }
}

/**
 * Decides the entries that carry out a command on the given state, or throws
 * an ApiError. Pure: time and randomness come from `env`.
 */
export function decide(command: Command, state: StateView, env: DecideEnv): Proposed[] {
  const now = timestamp(env.now);
  switch (command.type) {
    case 'CreateNamespace': {
      const object: Namespace = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: command.name, uid: env.ids.uid(), resourceVersion: '', creationTimestamp: now, ...(command.labels ? { labels: command.labels } : {}) },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      };
      rejectInvalid('Namespace', command.name, validateNamespace(object));
      mustNotExist(state, { kind: 'Namespace', namespace: '', name: command.name });
      return [{ type: 'NamespaceCreated', data: { object }, ...subject(object) }];
    }
    case 'DeleteNamespace': {
      const namespace = mustGet(state, namespaceKey(command.name));
      if (command.name === 'default') {
        throw new ApiError('Forbidden', `namespaces "default" is forbidden: this namespace may not be deleted`);
      }
      if (namespace.metadata.deletionTimestamp) return [];
      return [{ type: 'NamespaceDeletionRequested', data: { deletionTimestamp: now }, ...subject(namespace) }];
    }
    case 'RemoveNamespace': {
      const namespace = mustGet(state, namespaceKey(command.name));
      return [{ type: 'NamespaceDeleted', data: {}, ...subject(namespace) }];
    }
    case 'DeleteEvent': {
      const event = mustGet(state, { kind: 'Event', namespace: command.namespace, name: command.name });
      return [{ type: 'EventDeleted', data: {}, ...subject(event) }];
    }
    case 'RegisterNode': {
      mustNotExist(state, { kind: 'Node', namespace: '', name: command.node.metadata.name });
      return [{ type: 'NodeRegistered', data: { object: command.node }, ...subject(command.node) }];
    }
    case 'PullImage': {
      const node = mustGet(state, { kind: 'Node', namespace: '', name: command.nodeName });
      if (node.kind !== 'Node' || node.status.images.some((i) => i.names.some((n) => command.image.names.includes(n)))) return [];
      return [{ type: 'NodeImagePulled', data: { image: command.image }, ...subject(node) }];
    }
    case 'CreateReplicationController': {
      const object: ReplicationController = {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: {
          name: command.name,
          namespace: command.namespace,
          uid: env.ids.uid(),
          resourceVersion: '',
          generation: 1,
          creationTimestamp: now,
          labels: command.labels ?? command.spec.template.metadata.labels ?? {},
          ...(command.annotations ? { annotations: command.annotations } : {}),
        },
        spec: command.spec,
        status: { replicas: 0 },
      };
      rejectInvalid('ReplicationController', command.name, validateReplicationController(object));
      mustBeActiveNamespace(state, command.namespace);
      mustNotExist(state, { kind: 'ReplicationController', namespace: command.namespace, name: command.name });
      return [{ type: 'ReplicationControllerCreated', data: { object }, ...subject(object) }];
    }
    case 'ScaleReplicationController': {
      const rc = mustGetRC(state, command.namespace, command.name);
      const replicas = command.replicas;
      if (!Number.isInteger(replicas) || replicas < 0) {
        rejectInvalid('ReplicationController', command.name, [{ field: 'spec.replicas', message: `Invalid value: ${replicas}: must be greater than or equal to 0` }]);
      }
      if (rc.spec.replicas === replicas) return [];
      return [{ type: 'ReplicationControllerScaled', data: { replicas }, ...subject(rc) }];
    }
    case 'UpdateReplicationControllerStatus': {
      const rc = mustGetRC(state, command.namespace, command.name);
      return [
        {
          type: 'ReplicationControllerStatusUpdated',
          data: { replicas: command.replicas, observedGeneration: command.observedGeneration },
          ...subject(rc),
        },
      ];
    }
    case 'DeleteReplicationController': {
      const rc = mustGetRC(state, command.namespace, command.name);
      return [{ type: 'ReplicationControllerDeleted', data: {}, ...subject(rc) }];
    }
    case 'CreatePod': {
      const name = command.name ?? '';
      const object: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          ...(command.generateName ? { generateName: command.generateName } : {}),
          namespace: command.namespace,
          uid: env.ids.uid(),
          resourceVersion: '',
          creationTimestamp: now,
          ...(command.labels ? { labels: command.labels } : {}),
          ...(command.annotations ? { annotations: command.annotations } : {}),
          ...(command.ownerReferences ? { ownerReferences: command.ownerReferences } : {}),
        },
        spec: command.spec,
        status: { phase: 'Pending' },
      };
      rejectInvalid('Pod', name, validatePod(object));
      mustBeActiveNamespace(state, command.namespace);
      mustNotExist(state, { kind: 'Pod', namespace: command.namespace, name });
      return [{ type: 'PodCreated', data: { object }, ...subject(object) }];
    }
    case 'AdoptPod': {
      const pod = mustGetPod(state, command.namespace, command.name);
      return [{ type: 'PodAdopted', data: { ownerReference: command.owner }, ...subject(pod) }];
    }
    case 'BindPod': {
      const pod = mustGetPod(state, command.namespace, command.name);
      if (pod.spec.nodeName) throw conflictOn(pod);
      return [{ type: 'PodBound', data: { nodeName: command.nodeName }, ...subject(pod) }];
    }
    case 'StartPodSandbox': {
      const pod = mustGetPod(state, command.namespace, command.name);
      return [
        {
          type: 'PodSandboxStarted',
          data: { hostIP: command.hostIP, podIP: command.podIP, startTime: now, sandboxID: command.sandboxID },
          ...subject(pod),
        },
      ];
    }
    case 'StartContainer': {
      const pod = mustGetPod(state, command.namespace, command.name);
      const container = pod.spec.containers.find((c) => c.name === command.containerName);
      if (!container) throw notFound('containers', command.containerName);
      const status: ContainerStatus = {
        name: container.name,
        state: { running: { startedAt: now } },
        lastState: {},
        // Ready comes with the pod's Ready condition (MarkPodReady), so no state has a ready container in a pending pod.
        ready: false,
        restartCount: 0,
        image: container.image,
        imageID: command.imageID,
        containerID: command.containerID,
      };
      return [{ type: 'ContainerStarted', data: { status }, ...subject(pod) }];
    }
    case 'StartImagePull': {
      const pod = mustGetPod(state, command.namespace, command.name);
      return [{ type: 'ImagePullStarted', data: { container: command.containerName, image: command.image }, ...subject(pod) }];
    }
    case 'InitializeCluster': {
      mustNotExist(state, CLUSTER_KEY);
      const object: Cluster = {
        apiVersion: 'kubelog.io/v1',
        kind: 'Cluster',
        metadata: { name: CLUSTER_NAME, uid: env.ids.uid(), resourceVersion: '', creationTimestamp: now },
        spec: { clock: command.clock },
        status: command.clock === 'virtual' ? { time: env.now.toISOString() } : {},
      };
      return [{ type: 'ClusterInitialized', data: { object }, ...subject(object) }];
    }
    case 'AdvanceClock': {
      const cluster = mustGet(state, CLUSTER_KEY);
      if (cluster.kind !== 'Cluster' || cluster.spec.clock !== 'virtual') {
        throw new ApiError('BadRequest', 'this cluster runs on the real clock; only a cluster made with `init --clock virtual` can be advanced');
      }
      return [{ type: 'ClockAdvanced', data: { time: new Date(command.time).toISOString() }, ...subject(cluster) }];
    }
    case 'MarkPodReady': {
      const pod = mustGetPod(state, command.namespace, command.name);
      return [{ type: 'PodReady', data: { transitionTime: now }, ...subject(pod) }];
    }
    case 'DeletePod': {
      const pod = mustGetPod(state, command.namespace, command.name);
      const grace = command.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      // An unbound pod has no kubelet to stop it: it goes at once, as in Kubernetes.
      if (grace === 0 || !pod.spec.nodeName) return [{ type: 'PodDeleted', data: {}, ...subject(pod) }];
      if (pod.metadata.deletionTimestamp) return [];
      return [
        {
          type: 'PodDeletionRequested',
          data: { deletionTimestamp: timestamp(new Date(env.now.getTime() + grace * 1000)), gracePeriodSeconds: grace },
          ...subject(pod),
        },
      ];
    }
    case 'RecordEvent': {
      const key = eventKey(command);
      const existing = state.get(key);
      if (existing?.kind === 'Event') {
        return [{ type: 'EventRepeated', data: { count: existing.count + 1, lastTimestamp: now }, ...subject(existing) }];
      }
      const object: Event = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: key.name, namespace: key.namespace, uid: env.ids.uid(), resourceVersion: '', creationTimestamp: now },
        involvedObject: command.involvedObject,
        reason: command.reason,
        message: command.message,
        source: command.source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type: command.eventType ?? 'Normal',
      };
      return [{ type: 'EventRecorded', data: { object }, ...subject(object) }];
    }
    default: {
      const exhaustive: never = command;
      throw new Error(`unknown command ${(exhaustive as Command).type}`);
    }
  }
}

/** Kubernetes timestamps: RFC 3339 in UTC, whole seconds. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Kubernetes v1.1 aggregates an Event that repeats the same source, object,
 * reason and message. Naming the Event after a hash of exactly that key makes
 * the aggregate a point lookup.
 */
export function eventKey(command: Extract<Command, { type: 'RecordEvent' }>): ObjectKey {
  const o = command.involvedObject;
  const hash = createHash('sha256')
    .update(JSON.stringify([command.source.component, command.source.host ?? '', o.kind, o.namespace ?? '', o.name, o.uid, o.fieldPath ?? '', command.reason, command.message]))
    .digest('hex')
    .slice(0, 16);
  return { kind: 'Event', namespace: o.namespace || 'default', name: `${o.name}.${hash}` };
}

/** The key of the one Cluster object, which holds the cluster's settings and clock. */
export const CLUSTER_KEY: ObjectKey = { kind: 'Cluster', namespace: '', name: CLUSTER_NAME };

function namespaceKey(namespace: string): ObjectKey {
  return { kind: 'Namespace', namespace: '', name: namespace };
}

function subject(object: KubeObject): EntrySubject {
  return { kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name, uid: object.metadata.uid };
}

function rejectInvalid(kind: Kind, name: string, causes: readonly { field: string; message: string }[]): void {
  if (causes.length > 0) throw invalid(kind, name, [...causes]);
}

/** Objects are created only in a namespace that exists and is not being deleted. */
function mustBeActiveNamespace(state: StateView, name: string): void {
  const namespace = mustGet(state, namespaceKey(name));
  if (namespace.metadata.deletionTimestamp) {
    throw new ApiError('Forbidden', `unable to create new content in namespace ${name} because it is being terminated`);
  }
}

function mustGet(state: StateView, key: ObjectKey): KubeObject {
  const object = state.get(key);
  if (!object) throw notFound(resourceFor(key.kind), key.name);
  return object;
}

function mustNotExist(state: StateView, key: ObjectKey): void {
  if (state.get(key)) throw alreadyExists(resourceFor(key.kind), key.name);
}

function mustGetPod(state: StateView, namespace: string, name: string): Pod {
  return mustGet(state, { kind: 'Pod', namespace, name }) as Pod;
}

function mustGetRC(state: StateView, namespace: string, name: string): ReplicationController {
  return mustGet(state, { kind: 'ReplicationController', namespace, name }) as ReplicationController;
}
