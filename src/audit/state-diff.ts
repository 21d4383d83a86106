import { badRequest } from '../model/errors.js';
import { type Kind, KINDS, type KubeObject } from '../model/types.js';
import { type Moment, stateAt } from '../projections/state-at.js';
import { type ClusterStore, keyOf, keyString } from '../projections/store.js';
import { type FieldChange, fieldChanges } from './field-diff.js';

export type ObjectChange =
  | { readonly op: 'created'; readonly object: KubeObject }
  | { readonly op: 'deleted'; readonly object: KubeObject }
  | { readonly op: 'changed'; readonly before: KubeObject; readonly after: KubeObject; readonly changes: readonly FieldChange[] };

export interface StateDiffOptions {
  /** Only objects of this kind; Events are included when it is 'Event'. */
  readonly kind?: Kind;
  /** Every entry of a pod's life records Events: without a kind, they are left out unless asked for. */
  readonly includeEvents?: boolean;
}

/**
 * What changed between two states of the cluster. An object is the same one
 * when its kind, namespace, name and uid agree: a name taken again by a new
 * object reads as a deletion and a creation. Objects whose only difference
 * is their resourceVersion are unchanged. Ordered by kind (namespaces and
 * nodes first, as the cluster is built), then namespace, then name, a
 * deletion before the creation that reused its name.
 */
export function diffStates(before: Iterable<KubeObject>, after: Iterable<KubeObject>, options: StateDiffOptions = {}): ObjectChange[] {
  const wanted = (o: KubeObject) => (options.kind ? o.kind === options.kind : options.includeEvents || o.kind !== 'Event');
  const old = new Map([...before].filter(wanted).map((o) => [keyString(keyOf(o)), o]));
  const changes: ObjectChange[] = [];
  for (const now of [...after].filter(wanted)) {
    const key = keyString(keyOf(now));
    const was = old.get(key);
    old.delete(key);
    if (!was) {
      changes.push({ op: 'created', object: now });
    } else if (was.metadata.uid !== now.metadata.uid) {
      changes.push({ op: 'deleted', object: was }, { op: 'created', object: now });
    } else {
      const fields = fieldChanges(was, now);
      if (fields.length > 0) changes.push({ op: 'changed', before: was, after: now, changes: fields });
    }
  }
  for (const was of old.values()) changes.push({ op: 'deleted', object: was });
  return changes.sort(order);
}

const OP_RANK = { deleted: 0, created: 1, changed: 2 } as const;

function order(a: ObjectChange, b: ObjectChange): number {
  const x = objectOf(a);
  const y = objectOf(b);
  return (
    KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind) ||
    compare(x.metadata.namespace ?? '', y.metadata.namespace ?? '') ||
    compare(x.metadata.name, y.metadata.name) ||
    OP_RANK[a.op] - OP_RANK[b.op]
  );
}

function objectOf(change: ObjectChange): KubeObject {
  return change.op === 'changed' ? change.after : change.object;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface StateDiff {
  readonly from: Moment;
  readonly to: Moment;
  readonly changes: readonly ObjectChange[];
}

/** The cluster at `from` and at `to`, each folded from the log, compared; `from` may not come after `to`. */
export async function loadStateDiff(store: ClusterStore, from: Moment, to: Moment, options: StateDiffOptions = {}): Promise<StateDiff> {
  if (from.revision > to.revision) {
    throw badRequest(`--from (revision ${from.revision}) is after --to (revision ${to.revision})`);
  }
  const before = await stateAt(store, from.revision);
  const after = await stateAt(store, to.revision);
  const objects = (state: typeof before) => [...state.held()].map((h) => h.object);
  return { from, to, changes: diffStates(objects(before), objects(after), options) };
}
