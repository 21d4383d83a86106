import { notFound, resourceFor } from '../model/errors.js';
import { type Selector, matches, selectorFromSet } from '../model/labels.js';
import type { Event, Kind, KubeObject, Node, Pod, ReplicationController } from '../model/types.js';
import { isNamespaced } from '../model/types.js';
import type { ObjectReader } from '../projections/store.js';

export interface ListRequest {
  readonly kind: Kind;
  /** undefined lists every namespace. */
  readonly namespace: string | undefined;
  readonly selector?: Selector;
}

export async function listObjects(store: ObjectReader, request: ListRequest): Promise<KubeObject[]> {
  const objects = await store.list({
    kind: request.kind,
    ...(isNamespaced(request.kind) && request.namespace !== undefined ? { namespace: request.namespace } : {}),
  });
  const selector = request.selector;
  return selector ? objects.filter((o) => matches(selector, o.metadata.labels ?? {})) : objects;
}

export async function getObject(store: ObjectReader, kind: Kind, namespace: string, name: string): Promise<KubeObject> {
  const object = await store.get({ kind, namespace: isNamespaced(kind) ? namespace : '', name });
  if (!object) throw notFound(resourceFor(kind), name);
  return object;
}

/** The Events about one object, as `describe` shows them. */
export async function eventsAbout(store: ObjectReader, object: KubeObject): Promise<Event[]> {
  return (await store.list({ kind: 'Event', involvedUid: object.metadata.uid })) as Event[];
}

export interface PodDescription {
  readonly pod: Pod;
  readonly controllers: ReplicationController[];
  readonly events: Event[];
}

/** What v1.1's `describe pod` shows: the pod, the RCs whose selector matches it, its Events. */
export async function describePodData(store: ObjectReader, namespace: string, name: string): Promise<PodDescription> {
  const pod = (await getObject(store, 'Pod', namespace, name)) as Pod;
  const rcs = (await store.list({ kind: 'ReplicationController', namespace })) as ReplicationController[];
  return {
    pod,
    controllers: rcs.filter((rc) => matches(selectorFromSet(rc.spec.selector), pod.metadata.labels ?? {})),
    events: await eventsAbout(store, pod),
  };
}

export interface ReplicationControllerDescription {
  readonly controller: ReplicationController;
  readonly pods: Pod[];
  readonly events: Event[];
}

export async function describeReplicationControllerData(
  store: ObjectReader,
  namespace: string,
  name: string,
): Promise<ReplicationControllerDescription> {
  const controller = (await getObject(store, 'ReplicationController', namespace, name)) as ReplicationController;
  return {
    controller,
    pods: (await store.list({ kind: 'Pod', ownerUid: controller.metadata.uid })) as Pod[],
    events: await eventsAbout(store, controller),
  };
}

export interface NodeDescription {
  readonly node: Node;
  readonly pods: Pod[];
  readonly events: Event[];
}

export async function describeNodeData(store: ObjectReader, name: string): Promise<NodeDescription> {
  const node = (await getObject(store, 'Node', '', name)) as Node;
  const pods = (await store.list({ kind: 'Pod', nodeName: name })) as Pod[];
  return {
    node,
    pods: pods.filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed'),
    events: await eventsAbout(store, node),
  };
}
