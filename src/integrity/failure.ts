import type { KubeObject } from '../model/types.js';

/** Something `verify` found wrong, at the revision where it first shows. */
export interface IntegrityFailure {
  readonly revision: number;
  readonly what: string;
}

/** An object with the revision of the entry that created it: what the fold, the projections and snapshots all hold. */
export interface HeldObject {
  readonly object: KubeObject;
  readonly createdSeq: number;
}

/** @example failureLine({ revision: 17, what: 'hash mismatch' }) === 'revision 17: hash mismatch' */
export function failureLine(failure: IntegrityFailure): string {
  return `revision ${failure.revision}: ${failure.what}`;
}

/** How failures name an object, kubectl's `-o name` with the namespace: `pod/default/nginx-abcde`, `node/10.0.3.254`. */
export function objectName(kind: string, namespace: string, name: string): string {
  return `${kind.toLowerCase()}/${namespace === '' ? '' : `${namespace}/`}${name}`;
}

export function byRevision(a: IntegrityFailure, b: IntegrityFailure): number {
  return a.revision - b.revision;
}
