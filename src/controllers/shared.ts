import type { ActorBatch, Api } from '../api/api.js';
import { ApiError } from '../model/errors.js';
import type { KubeObject, ObjectReference } from '../model/types.js';
import type { Expectation } from '../projections/store.js';

export interface PodKey {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
}

export function podKey(o: KubeObject | { namespace: string; name: string; uid: string }): PodKey {
  return 'metadata' in o
    ? { namespace: o.metadata.namespace ?? '', name: o.metadata.name, uid: o.metadata.uid }
    : { namespace: o.namespace, name: o.name, uid: o.uid };
}

export function objectReference(object: KubeObject, fieldPath?: string): ObjectReference {
  return {
    kind: object.kind,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    name: object.metadata.name,
    uid: object.metadata.uid,
    apiVersion: 'v1',
    resourceVersion: object.metadata.resourceVersion,
    ...(fieldPath ? { fieldPath } : {}),
  };
}

/** The version of an object a controller's action rests on: the action is refused if it changed. */
export function observedVersion(object: KubeObject): Expectation {
  return { kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name, resourceVersion: object.metadata.resourceVersion };
}

/**
 * Appends a controller's pass as one batch. If the state it observed has
 * moved on (another process acted first, an object went away), the keys go
 * back on the queue to be observed afresh next pass instead of failing.
 */
export async function executeOrRequeue(api: Api, batches: readonly ActorBatch[], requeue: () => void): Promise<number> {
  if (batches.every((b) => b.actions.length === 0)) return 0;
  try {
    return (await api.executeGroup(batches)).length;
  } catch (error) {
    if (!(error instanceof ApiError) || (error.code !== 'Conflict' && error.code !== 'NotFound')) throw error;
    requeue();
    return 0;
  }
}
