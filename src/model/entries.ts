import type {
  Cluster,
  ContainerImage,
  ContainerStatus,
  Event,
  Kind,
  Namespace,
  Node,
  OwnerReference,
  Pod,
  ReplicationController,
} from './types.js';

// Every kind of thing that can happen to the cluster, as plain data. The log
// stores `type` and `data`; reducers switch over this union exhaustively, so a
// new entry type that a reducer forgot fails to compile.
export type EntryBody =
  | { readonly type: 'ClusterInitialized'; readonly data: { readonly object: Cluster } }
  | { readonly type: 'ClockAdvanced'; readonly data: { readonly time: string } }
  | { readonly type: 'NamespaceCreated'; readonly data: { readonly object: Namespace } }
  | { readonly type: 'NamespaceDeletionRequested'; readonly data: { readonly deletionTimestamp: string } }
  | { readonly type: 'NamespaceDeleted'; readonly data: Record<string, never> }
  | { readonly type: 'NodeRegistered'; readonly data: { readonly object: Node } }
  | { readonly type: 'NodeImagePulled'; readonly data: { readonly image: ContainerImage } }
  | { readonly type: 'ReplicationControllerCreated'; readonly data: { readonly object: ReplicationController } }
  | { readonly type: 'ReplicationControllerScaled'; readonly data: { readonly replicas: number } }
  | {
      readonly type: 'ReplicationControllerStatusUpdated';
      readonly data: { readonly replicas: number; readonly observedGeneration: number };
    }
  | { readonly type: 'ReplicationControllerDeleted'; readonly data: Record<string, never> }
  | { readonly type: 'PodCreated'; readonly data: { readonly object: Pod } }
  | { readonly type: 'PodAdopted'; readonly data: { readonly ownerReference: OwnerReference } }
  | { readonly type: 'PodBound'; readonly data: { readonly nodeName: string } }
  | {
      readonly type: 'PodSandboxStarted';
      readonly data: {
        readonly hostIP: string;
        readonly podIP: string;
        readonly startTime: string;
        readonly sandboxID: string;
      };
    }
  | { readonly type: 'ImagePullStarted'; readonly data: { readonly container: string; readonly image: string } }
  | { readonly type: 'ContainerStarted'; readonly data: { readonly status: ContainerStatus } }
  | { readonly type: 'PodReady'; readonly data: { readonly transitionTime: string } }
  | {
      readonly type: 'PodDeletionRequested';
      readonly data: { readonly deletionTimestamp: string; readonly gracePeriodSeconds: number };
    }
  | { readonly type: 'PodDeleted'; readonly data: Record<string, never> }
  | { readonly type: 'EventRecorded'; readonly data: { readonly object: Event } }
  | { readonly type: 'EventRepeated'; readonly data: { readonly count: number; readonly lastTimestamp: string } }
  | { readonly type: 'EventDeleted'; readonly data: Record<string, never> };

export type EntryType = EntryBody['type'];

/** The object an entry concerns. `uid` is the object's uid at that time. */
export interface EntrySubject {
  readonly kind: Kind;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
}

/** An entry as a decider proposes it, before the log assigns its revision. */
export type NewEntry = EntryBody &
  EntrySubject & {
    /** ms since the epoch, chosen by the actor when it acted. */
    readonly time: number;
    readonly actor: string;
    /** Revision of the entry this one reacts to; null for a user's request. */
    readonly cause: number | null;
  };

export type Entry = NewEntry & { readonly seq: number };
