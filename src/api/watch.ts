import { setTimeout as sleep } from 'node:timers/promises';
import { type Selector, matches } from '../model/labels.js';
import type { Kind, KubeObject } from '../model/types.js';
import { isNamespaced } from '../model/types.js';
import { evolve } from '../projections/evolve.js';
import { type ClusterStore, keyOf, keyString } from '../projections/store.js';

export interface WatchRequest {
  readonly kind: Kind;
  readonly namespace: string | undefined;
  readonly selector?: Selector;
  /** When not empty, only these objects. */
  readonly names?: readonly string[];
}

const POLL_MS = 200;
const PAGE = 1_000;

/**
 * Follows the log from its head and reports every change to a matching
 * object, as the object stood right after that change (a deleted object as
 * it last stood), until `signal` aborts. Objects are folded from the entries with
 * the projections' own reducer, so each report is exact even when several
 * entries arrive between two polls.
 */
export async function watchObjects(
  store: ClusterStore,
  request: WatchRequest,
  onChange: (object: KubeObject) => void,
  signal: AbortSignal,
): Promise<void> {
  let cursor = await store.head();
  const known = new Map<string, KubeObject>();
  for (const object of await store.list({ kind: request.kind })) known.set(keyString(keyOf(object)), object);
  const wanted = (o: KubeObject) =>
    (!isNamespaced(request.kind) || request.namespace === undefined || o.metadata.namespace === request.namespace) &&
    (!request.names?.length || request.names.includes(o.metadata.name)) &&
    (!request.selector || matches(request.selector, o.metadata.labels ?? {}));
  while (!signal.aborted) {
    const entries = await store.entriesAfter(cursor, PAGE);
    // One actor's changes at one instant are one update (a kubelet starts a
    // container and marks the pod ready in one batch), so a watcher sees each
    // object as that batch left it, as after one write, in the log's order.
    let batch: { time: number; actor: string } | undefined;
    const changed = new Map<string, KubeObject>();
    const flush = () => {
      for (const object of changed.values()) if (wanted(object)) onChange(object);
      changed.clear();
    };
    for (const entry of entries) {
      cursor = entry.seq;
      if (entry.kind !== request.kind) continue;
      if (batch && (batch.time !== entry.time || batch.actor !== entry.actor)) flush();
      batch = { time: entry.time, actor: entry.actor };
      const key = keyString(entry);
      const before = known.get(key);
      const after = evolve(before, entry);
      if (after) known.set(key, after);
      else known.delete(key);
      const reported = after ?? before;
      if (reported) changed.set(key, reported);
    }
    flush();
    if (entries.length < PAGE) await sleep(POLL_MS, undefined, { signal }).catch(() => undefined);
  }
}
