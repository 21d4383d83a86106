import type { KubeObject } from '../model/types.js';
import type { ObjectsTable } from '../log/schema.js';

/** The lookup columns of an object's projection row, derived from the object alone. */
export function objectRow(object: KubeObject, createdSeq: number): ObjectsTable {
  const meta = object.metadata;
  let nodeName: string | null = null;
  let ownerUid: string | null = null;
  let involvedUid: string | null = null;
  let phase: string | null = null;
  if (object.kind === 'Pod') {
    nodeName = object.spec.nodeName ?? null;
    ownerUid = meta.ownerReferences?.find((o) => o.controller)?.uid ?? null;
    phase = meta.deletionTimestamp ? 'Terminating' : object.status.phase;
  } else if (object.kind === 'Event') {
    involvedUid = object.involvedObject.uid;
  }
  return {
    kind: object.kind,
    namespace: meta.namespace ?? '',
    name: meta.name,
    uid: meta.uid,
    resource_version: Number(meta.resourceVersion),
    created_seq: createdSeq,
    node_name: nodeName,
    owner_uid: ownerUid,
    involved_uid: involvedUid,
    phase,
    body: JSON.stringify(object),
  };
}
