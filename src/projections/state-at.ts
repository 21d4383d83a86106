import type { MomentSpec } from '../model/durations.js';
import { badRequest } from '../model/errors.js';
import { entryFromRow } from './entry-row.js';
import { MemoryState } from './memory-state.js';
import { decodeSnapshot, encodeSnapshot, snapshotInterval } from './snapshots.js';
import type { ClusterStore } from './store.js';

/** A past moment resolved against the log: the state to read, and the "now" that ages are measured from. */
export interface Moment {
  readonly revision: number;
  /** ms since the epoch. */
  readonly time: number;
}

const PAGE = 10_000;

/**
 * Resolves `--at`: a time to the last revision at or before it (and that
 * time is "now"); `rev:N` to revision N at the time of entry N. Times before
 * the first entry or after the cluster's clock are refused.
 */
export async function resolveMoment(store: ClusterStore, spec: MomentSpec, clusterNow: number): Promise<Moment> {
  const first = await store.log.first();
  const head = await store.head();
  if (!first) throw badRequest('the log is empty');
  if ('revision' in spec) {
    const row = spec.revision >= 1 ? await store.log.row(spec.revision) : undefined;
    if (!row) throw badRequest(`revision ${spec.revision} does not exist: the log holds revisions 1 to ${head}`);
    return { revision: row.seq, time: row.time };
  }
  if (spec.time < first.time) {
    throw badRequest(`${iso(spec.time)} is before the cluster's first entry (${iso(first.time)})`);
  }
  if (spec.time > clusterNow) throw badRequest(`${iso(spec.time)} is in the cluster's future: its clock reads ${iso(clusterNow)}`);
  return { revision: await store.log.revisionAt(spec.time), time: spec.time };
}

/**
 * The cluster as of a revision: the nearest snapshot at or before it, plus
 * the entries after. Folding leaves a snapshot at the multiples of
 * `interval` it passes, but no closer to the previous snapshot than the
 * state has objects: a snapshot costs as much to write as its state is
 * large, so this keeps all snapshots together within the size of the log,
 * and a read costs a load plus at most max(interval, objects) entries.
 */
export async function stateAt(store: ClusterStore, revision: number, interval = snapshotInterval()): Promise<MemoryState> {
  const snapshot = await store.snapshotAtOrBefore(revision);
  const state = snapshot ? decodeSnapshot(snapshot.revision, snapshot.body) : new MemoryState();
  let lastSnapshot = state.revision;
  while (state.revision < revision) {
    const nextMultiple = (Math.floor(state.revision / interval) + 1) * interval;
    const upTo = Math.min(revision, nextMultiple);
    const rows = await store.log.rows({ after: state.revision, upTo, limit: PAGE });
    if (rows.length === 0) break;
    state.apply(rows.map(entryFromRow));
    if (state.revision === nextMultiple && state.revision - lastSnapshot >= state.size) {
      await store.saveSnapshot(state.revision, encodeSnapshot(state));
      lastSnapshot = state.revision;
    }
  }
  return state;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
