import type {
  ContainerImage,
  EventSource,
  Labels,
  Node,
  ObjectReference,
  OwnerReference,
  PodSpec,
  ReplicationControllerSpec,
} from '../model/types.js';

/** What the user or a component asks the API to do: plain data, decided into entries. */
export type Command =
  | { readonly type: 'CreateNamespace'; readonly name: string; readonly labels?: Labels }
  | { readonly type: 'DeleteNamespace'; readonly name: string }
  | {
      readonly type: 'RemoveNamespace';
      readonly name: string;
    }
  | { readonly type: 'DeleteEvent'; readonly namespace: string; readonly name: string }
  | { readonly type: 'RegisterNode'; readonly node: Node }
  | { readonly type: 'PullImage'; readonly nodeName: string; readonly image: ContainerImage }
  | {
      readonly type: 'CreateReplicationController';
      readonly namespace: string;
      readonly name: string;
      readonly labels?: Labels;
      readonly annotations?: Labels;
      readonly spec: ReplicationControllerSpec;
    }
  | {
      readonly type: 'ScaleReplicationController';
      readonly namespace: string;
      readonly name: string;
      readonly replicas: number;
    }
  | {
      readonly type: 'UpdateReplicationControllerStatus';
      readonly namespace: string;
      readonly name: string;
      readonly replicas: number;
      readonly observedGeneration: number;
    }
  | { readonly type: 'DeleteReplicationController'; readonly namespace: string; readonly name: string }
  | {
      readonly type: 'CreatePod';
      readonly namespace: string;
      /** Either a name, or a generateName prefix that the API completes with 5 random characters. */
      readonly name?: string;
      readonly generateName?: string;
      readonly labels?: Labels;
      readonly annotations?: Labels;
      readonly ownerReferences?: readonly OwnerReference[];
      readonly spec: PodSpec;
    }
  | {
      readonly type: 'AdoptPod';
      readonly namespace: string;
      readonly name: string;
      readonly owner: OwnerReference;
    }
  | {
      readonly type: 'BindPod';
      readonly namespace: string;
      readonly name: string;
      readonly nodeName: string;
    }
  | {
      readonly type: 'StartPodSandbox';
      readonly namespace: string;
      readonly name: string;
      readonly hostIP: string;
      readonly podIP: string;
      readonly sandboxID: string;
    }
  | {
      readonly type: 'StartContainer';
      readonly namespace: string;
      readonly name: string;
      readonly containerName: string;
      readonly containerID: string;
      readonly imageID: string;
    }
  | {
      readonly type: 'StartImagePull';
      readonly namespace: string;
      readonly name: string;
      readonly containerName: string;
      readonly image: string;
    }
  | { readonly type: 'MarkPodReady'; readonly namespace: string; readonly name: string }
  | { readonly type: 'InitializeCluster'; readonly clock: 'real' | 'virtual' }
  | { readonly type: 'AdvanceClock'; readonly time: number }
  | {
      readonly type: 'DeletePod';
      readonly namespace: string;
      readonly name: string;
      /** 0 removes the pod at once; otherwise the pod is marked Terminating for its kubelet to finish. */
      readonly gracePeriodSeconds?: number;
    }
  | {
      readonly type: 'RecordEvent';
      readonly involvedObject: ObjectReference;
      readonly reason: string;
      readonly message: string;
      readonly source: EventSource;
      readonly eventType?: 'Normal' | 'Warning';
    };
