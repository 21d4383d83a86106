import type { Entry } from '../model/entries.js';
import type { KubeObject } from '../model/types.js';
import { evolve } from './evolve.js';
import { objectRow } from './object-row.js';
import { type ListQuery, type ObjectKey, type ObjectReader, keyString } from './store.js';

interface Held {
  readonly object: KubeObject;
  readonly createdSeq: number;
}

/**
 * The cluster as of one revision, in memory: the same reducer as the
 * projection tables, answering the same queries with the same order, so that
 * every read verb prints the past exactly as it printed the present.
 */
export class MemoryState implements ObjectReader {
  readonly #objects = new Map<string, Held>();
  #revision = 0;

  get revision(): number {
    return this.#revision;
  }

  /** How many objects the state holds. */
  get size(): number {
    return this.#objects.size;
  }

  apply(entries: Iterable<Entry>): this {
    for (const entry of entries) {
      const key = keyString(entry);
      const held = this.#objects.get(key);
      const next = evolve(held?.object, entry);
      if (next) this.#objects.set(key, { object: next, createdSeq: held?.createdSeq ?? entry.seq });
      else this.#objects.delete(key);
      this.#revision = entry.seq;
    }
    return this;
  }

  /** Every object with the seq of its creation, for snapshots. */
  held(): IterableIterator<Held> {
    return this.#objects.values();
  }

  static restore(revision: number, held: Iterable<Held>): MemoryState {
    const state = new MemoryState();
    for (const h of held) state.#objects.set(keyString({ kind: h.object.kind, namespace: h.object.metadata.namespace ?? '', name: h.object.metadata.name }), h);
    state.#revision = revision;
    return state;
  }

  async get(key: ObjectKey): Promise<KubeObject | undefined> {
    return this.#objects.get(keyString(key))?.object;
  }

  async list(query: ListQuery): Promise<KubeObject[]> {
    const rows = [...this.#objects.values()]
      .filter((h) => h.object.kind === query.kind)
      .map((h) => ({ h, row: objectRow(h.object, h.createdSeq) }))
      .filter(({ row }) => matchesQuery(row, query));
    rows.sort((a, b) =>
      query.kind === 'Event'
        ? a.row.created_seq - b.row.created_seq || compare(a.row.name, b.row.name)
        : compare(a.row.namespace, b.row.namespace) || compare(a.row.name, b.row.name),
    );
    return rows.map(({ h }) => h.object);
  }
}

function matchesQuery(row: ReturnType<typeof objectRow>, query: ListQuery): boolean {
  return (
    (query.namespace === undefined || row.namespace === query.namespace) &&
    (query.nodeName === undefined || row.node_name === query.nodeName) &&
    (query.ownerUid === undefined || row.owner_uid === query.ownerUid) &&
    (query.involvedUid === undefined || row.involved_uid === query.involvedUid) &&
    (query.phases === undefined || (row.phase !== null && query.phases.includes(row.phase)))
  );
}

// SQLite compares text by bytes, as this does for the ASCII of Kubernetes names.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
