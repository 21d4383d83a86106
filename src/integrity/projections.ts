import { isDeepStrictEqual } from 'node:util';
import type { ObjectsTable } from '../log/schema.js';
import { objectRow } from '../projections/object-row.js';
import { byRevision, type HeldObject, type IntegrityFailure, objectName } from './failure.js';

// Every column of a projection row but its key, in the table's order.
const COLUMNS = ['uid', 'resource_version', 'created_seq', 'node_name', 'owner_uid', 'involved_uid', 'phase', 'body'] as const;

/**
 * Compares the live `objects` table with the fold of the log: the same
 * objects, and for each the columns the store would write for the folded
 * object (bodies as parsed JSON, so that key order does not matter). Rows are
 * taken as stored, so a hand-edited value of any type is reported, not trusted.
 * Failures come in revision order; an object's revision is its resourceVersion.
 */
export async function compareProjections(
  folded: Iterable<HeldObject>,
  live: Iterable<ObjectsTable> | AsyncIterable<ObjectsTable>,
): Promise<IntegrityFailure[]> {
  const expected = new Map<string, HeldObject>();
  for (const held of folded) {
    const meta = held.object.metadata;
    expected.set(keyOf(held.object.kind, meta.namespace ?? '', meta.name), held);
  }
  const failures: IntegrityFailure[] = [];
  const seen = new Set<string>();
  for await (const row of live) {
    const key = keyOf(row.kind, row.namespace, row.name);
    const held = expected.get(key);
    const name = objectName(row.kind, row.namespace, row.name);
    if (!held) {
      failures.push({ revision: row.resource_version, what: `${name}: in the objects table, but not in the fold of the log` });
      continue;
    }
    seen.add(key);
    const want = objectRow(held.object, held.createdSeq);
    const differing = COLUMNS.filter((column) => (column === 'body' ? !sameJson(want.body, row.body) : want[column] !== row[column]));
    if (differing.length > 0) {
      const verb = differing.length === 1 ? 'differs' : 'differ';
      failures.push({ revision: want.resource_version, what: `${name}: ${listed(differing)} ${verb} from the fold of the log` });
    }
  }
  for (const [key, held] of expected) {
    if (seen.has(key)) continue;
    const row = objectRow(held.object, held.createdSeq);
    failures.push({ revision: row.resource_version, what: `${objectName(row.kind, row.namespace, row.name)}: missing from the objects table` });
  }
  return failures.sort(byRevision);
}

function keyOf(kind: string, namespace: string, name: string): string {
  return JSON.stringify([kind, namespace, name]);
}

function sameJson(expected: string, actual: unknown): boolean {
  if (actual === expected) return true;
  if (typeof actual !== 'string') return false;
  try {
    return isDeepStrictEqual(JSON.parse(expected), JSON.parse(actual));
  } catch {
    return false;
  }
}

/** @example listed(['uid', 'phase', 'body']) === 'uid, phase and body' */
export function listed(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
