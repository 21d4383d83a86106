import type { Entry } from '../model/entries.js';
import type { KubeObject } from '../model/types.js';
import { evolve } from './evolve.js';
import { keyString } from './store.js';

/** Every live object, folded from entries alone: what the projection tables must equal. */
export function foldEntries(entries: Iterable<Entry>, state = new Map<string, KubeObject>()): Map<string, KubeObject> {
  for (const entry of entries) {
    const key = keyString(entry);
    const next = evolve(state.get(key), entry);
    if (next) state.set(key, next);
    else state.delete(key);
  }
  return state;
}

/** Folds the whole log of a store, a page at a time. */
export async function foldLog(
  read: (after: number, limit: number) => Promise<Entry[]>,
  page = 10_000,
): Promise<Map<string, KubeObject>> {
  const state = new Map<string, KubeObject>();
  let cursor = 0;
  for (;;) {
    const entries = await read(cursor, page);
    if (entries.length === 0) return state;
    foldEntries(entries, state);
    cursor = entries[entries.length - 1]!.seq;
  }
}
