import { setTimeout as sleep } from 'node:timers/promises';
import { type Selector, matches } from '../model/labels.js';
import { notFound, resourceFor } from '../model/errors.js';
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

/** Where a watch begins: every object of the kind, listed after the revision it follows from. */
export interface WatchStart {
  readonly revision: number;
  readonly objects: readonly KubeObject[];
}

/**
 * The head, then every object of the kind. A change between the two reads is
 * both in the listing and after the revision; the watch skips it by version.
 */
export async function watchStart(store: ClusterStore, kind: Kind): Promise<WatchStart> {
  const revision = await store.head();
  return { revision, objects: await store.list({ kind }) };
}

/** Whether a watch reports an object: its namespace, names and selector. */
export function matchesWatch(request: WatchRequest, o: KubeObject): boolean {
  return (
    (!isNamespaced(request.kind) || request.namespace === undefined || o.metadata.namespace === request.namespace) &&
    (!request.names?.length || request.names.includes(o.metadata.name)) &&
    (!request.selector || matches(request.selector, o.metadata.labels ?? {}))
  );
}

/** What a watch prints first: the named objects in the order named (NotFound if missing), or every match. */
export function watchedObjects(objects: readonly KubeObject[], request: WatchRequest): KubeObject[] {
  if (!request.names?.length) return objects.filter((o) => matchesWatch(request, o));
  return request.names.map((name) => {
    const found = objects.find((o) => o.metadata.name === name && matchesWatch({ ...request, names: [name] }, o));
    if (!found) throw notFound(resourceFor(request.kind), name);
    return found;
  });
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
  start: WatchStart,
  onChange: (object: KubeObject) => void,
  signal: AbortSignal,
): Promise<void> {
  let cursor = start.revision;
  const known = new Map<string, KubeObject>();
  for (const object of start.objects) known.set(keyString(keyOf(object)), object);
  const wanted = (o: KubeObject) => matchesWatch(request, o);
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
      // The listing is read after the head, so it may already hold this change,
      // or miss an object that came and went in between.
      if (before ? entry.seq <= Number(before.metadata.resourceVersion) : !('object' in entry.data)) continue;
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
