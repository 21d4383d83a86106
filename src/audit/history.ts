import type { LogReader } from '../log/reader.js';
import type { Entry } from '../model/entries.js';
import { notFound, resourceFor } from '../model/errors.js';
import type { KubeObject } from '../model/types.js';
import { isNamespaced } from '../model/types.js';
import { evolve } from '../projections/evolve.js';
import type { ObjectKey } from '../projections/store.js';
import { type FieldChange, fieldChanges } from './field-diff.js';
import { readEntries } from './read-entries.js';

/** One entry of an object's history, with what it changed in the object. */
export interface HistoryStep {
  readonly entry: Entry;
  /** Empty for the entries that create or delete the object: there is no other version to compare. */
  readonly changes: readonly FieldChange[];
}

/** One life of a name: a name freed by a deletion may be taken again by an object with a new uid. */
export interface Incarnation {
  readonly uid: string;
  readonly steps: readonly HistoryStep[];
}

/**
 * Folds one object's entries, in log order, into the versions they made,
 * each compared with the one before. Entries of one name but another uid
 * start a new incarnation.
 */
export function objectHistory(entries: readonly Entry[]): Incarnation[] {
  const incarnations: { uid: string; steps: HistoryStep[] }[] = [];
  let state: KubeObject | undefined;
  for (const entry of entries) {
    let current = incarnations[incarnations.length - 1];
    if (current?.uid !== entry.uid) {
      current = { uid: entry.uid, steps: [] };
      incarnations.push(current);
      state = undefined;
    }
    const next = evolve(state, entry);
    current.steps.push({ entry, changes: state && next ? fieldChanges(state, next) : [] });
    state = next;
  }
  return incarnations;
}

/**
 * Every incarnation of the object a key names, deleted ones included, up to
 * a revision if given; NotFound if the log never held it by then.
 */
export async function loadHistory(log: LogReader, key: ObjectKey, upTo?: number): Promise<Incarnation[]> {
  const entries = await readEntries(log, { ...objectQuery(key), ...(upTo !== undefined ? { upTo } : {}) });
  if (entries.length === 0) throw notFound(resourceFor(key.kind), key.name);
  return objectHistory(entries);
}

/** The log's columns for an object: cluster-wide kinds are logged with an empty namespace. */
export function objectQuery(key: ObjectKey): { kind: string; namespace: string; name: string } {
  return { kind: key.kind, namespace: isNamespaced(key.kind) ? key.namespace : '', name: key.name };
}
