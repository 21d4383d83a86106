// Kubernetes v1 object shapes, in Kubernetes' own field names, so that
// `-o json|yaml` and the HTTP API need no translation.

export type Labels = Readonly<Record<string, string>>;

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
}

export interface ObjectMeta {
  readonly name: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly uid: string;
  readonly resourceVersion: string;
  readonly generation?: number;
  readonly creationTimestamp: string;
  readonly deletionTimestamp?: string;
  readonly deletionGracePeriodSeconds?: number;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly ownerReferences?: readonly OwnerReference[];
}

export interface ContainerPort {
  readonly containerPort: number;
  readonly protocol?: string;
  readonly name?: string;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly ports?: readonly ContainerPort[];
  readonly env?: readonly EnvVar[];
  readonly args?: readonly string[];
  readonly command?: readonly string[];
  readonly imagePullPolicy?: string;
}

export interface PodSpec {
  readonly containers: readonly Container[];
  readonly nodeName?: string;
  readonly restartPolicy?: string;
  readonly terminationGracePeriodSeconds?: number;
  readonly dnsPolicy?: string;
}

export interface ContainerState {
  readonly running?: { readonly startedAt: string };
  readonly waiting?: { readonly reason?: string; readonly message?: string };
  readonly terminated?: {
    readonly exitCode: number;
    readonly reason?: string;
    readonly startedAt?: string;
    readonly finishedAt?: string;
    readonly containerID?: string;
  };
}

export interface ContainerStatus {
  readonly name: string;
  readonly state: ContainerState;
  readonly lastState: ContainerState;
  readonly ready: boolean;
  readonly restartCount: number;
  readonly image: string;
  readonly imageID: string;
  readonly containerID?: string;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface PodCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly lastProbeTime?: string | null;
  readonly lastTransitionTime?: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  readonly phase: PodPhase;
  readonly conditions?: readonly PodCondition[];
  readonly message?: string;
  readonly reason?: string;
  readonly hostIP?: string;
  readonly podIP?: string;
  readonly startTime?: string;
  readonly containerStatuses?: readonly ContainerStatus[];
}

export interface Pod {
  readonly apiVersion: 'v1';
  readonly kind: 'Pod';
  readonly metadata: ObjectMeta;
  readonly spec: PodSpec;
  readonly status: PodStatus;
}

export interface PodTemplateSpec {
  readonly metadata: { readonly labels?: Labels; readonly annotations?: Labels; readonly name?: string };
  readonly spec: PodSpec;
}

export interface ReplicationControllerSpec {
  readonly replicas: number;
  readonly selector: Labels;
  readonly template: PodTemplateSpec;
}

export interface ReplicationControllerStatus {
  readonly replicas: number;
  readonly observedGeneration?: number;
}

export interface ReplicationController {
  readonly apiVersion: 'v1';
  readonly kind: 'ReplicationController';
  readonly metadata: ObjectMeta;
  readonly spec: ReplicationControllerSpec;
  readonly status: ReplicationControllerStatus;
}

export interface NodeCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly lastHeartbeatTime: string;
  readonly lastTransitionTime: string;
  readonly reason: string;
  readonly message: string;
}

export interface ContainerImage {
  readonly names: readonly string[];
  readonly sizeBytes: number;
}

export interface NodeSystemInfo {
  readonly machineID: string;
  readonly systemUUID: string;
  readonly bootID: string;
  readonly kernelVersion: string;
  readonly osImage: string;
  readonly containerRuntimeVersion: string;
  readonly kubeletVersion: string;
  readonly kubeProxyVersion: string;
}

export interface NodeStatus {
  readonly capacity: Readonly<Record<string, string>>;
  readonly conditions: readonly NodeCondition[];
  readonly addresses: readonly { readonly type: string; readonly address: string }[];
  readonly nodeInfo: NodeSystemInfo;
  readonly images: readonly ContainerImage[];
}

export interface Node {
  readonly apiVersion: 'v1';
  readonly kind: 'Node';
  readonly metadata: ObjectMeta;
  readonly spec: { readonly externalID: string; readonly podCIDR?: string };
  readonly status: NodeStatus;
}

export interface Namespace {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
  readonly metadata: ObjectMeta;
  readonly spec: { readonly finalizers: readonly string[] };
  readonly status: { readonly phase: 'Active' | 'Terminating' };
}

export interface ObjectReference {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly uid: string;
  readonly apiVersion: string;
  readonly resourceVersion?: string;
  readonly fieldPath?: string;
}

export interface EventSource {
  readonly component: string;
  readonly host?: string;
}

export interface Event {
  readonly apiVersion: 'v1';
  readonly kind: 'Event';
  readonly metadata: ObjectMeta;
  readonly involvedObject: ObjectReference;
  readonly reason: string;
  readonly message: string;
  readonly source: EventSource;
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
  readonly count: number;
  readonly type: 'Normal' | 'Warning';
}

/**
 * The cluster's own settings, folded from the log like any object: which
 * clock it runs on and, for a virtual clock, what it reads. Not a Kubernetes
 * kind, so it carries kubelog's own apiVersion.
 */
export interface Cluster {
  readonly apiVersion: 'kubelog.io/v1';
  readonly kind: 'Cluster';
  readonly metadata: ObjectMeta;
  readonly spec: { readonly clock: 'real' | 'virtual' };
  /** A virtual clock's reading (RFC 3339, ms precision); absent on the real clock. */
  readonly status: { readonly time?: string };
}

export type KubeObject = Pod | ReplicationController | Node | Namespace | Event | Cluster;
export type Kind = KubeObject['kind'];
/** The kinds kubectl serves; the Cluster object is kubelog's own. */
export type ResourceKind = Exclude<Kind, 'Cluster'>;

export const KINDS: readonly Kind[] = ['Cluster', 'Namespace', 'Node', 'ReplicationController', 'Pod', 'Event'];

/** The one Cluster object's name. */
export const CLUSTER_NAME = 'cluster';

/** Kinds that live inside a namespace; Nodes and Namespaces are cluster-wide. */
export function isNamespaced(kind: Kind): boolean {
  return kind !== 'Node' && kind !== 'Namespace' && kind !== 'Cluster';
}
