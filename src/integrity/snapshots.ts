import { isDeepStrictEqual } from 'node:util';
import { type HeldObject, type IntegrityFailure, objectName } from './failure.js';

/**
 * Compares a snapshot's objects with the fold of the log at the snapshot's
 * revision: the same objects, each deep-equal (as JSON) with the same
 * creation revision. Every failure is at the snapshot's revision.
 */
export function compareSnapshot(revision: number, snapshot: Iterable<HeldObject>, fold: Iterable<HeldObject>): IntegrityFailure[] {
  const expected = new Map<string, HeldObject>();
  for (const held of fold) expected.set(keyOf(held), held);
  const failures: IntegrityFailure[] = [];
  const seen = new Set<string>();
  for (const held of snapshot) {
    const key = keyOf(held);
    const want = expected.get(key);
    const name = nameOf(held);
    if (!want) {
      failures.push({ revision, what: `snapshot: ${name} is in the snapshot, but not in the fold of the log` });
      continue;
    }
    seen.add(key);
    // The fold may hold properties set to undefined, which JSON, and so the snapshot, drops.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(want.object)), held.object) || want.createdSeq !== held.createdSeq) {
      failures.push({ revision, what: `snapshot: ${name} differs from the fold of the log` });
    }
  }
  for (const [key, held] of expected) {
    if (!seen.has(key)) failures.push({ revision, what: `snapshot: ${nameOf(held)} is missing from the snapshot` });
  }
  return failures;
}

function keyOf(held: HeldObject): string {
  return JSON.stringify([held.object.kind, held.object.metadata.namespace ?? '', held.object.metadata.name]);
}

function nameOf(held: HeldObject): string {
  return objectName(held.object.kind, held.object.metadata.namespace ?? '', held.object.metadata.name);
}
