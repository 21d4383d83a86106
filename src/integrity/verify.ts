import type { ObjectsTable } from '../log/schema.js';
import { entryFromRow } from '../projections/entry-row.js';
import { MemoryState } from '../projections/memory-state.js';
import { type StoredRow, ChainChecker } from './chain.js';
import { byRevision, type HeldObject, type IntegrityFailure } from './failure.js';
import { compareProjections } from './projections.js';
import { compareSnapshot } from './snapshots.js';

/** What verify reads: the log, the projection table and the snapshots, all as of one moment. */
export interface VerifySource {
  /** The highest seq in the log (0 when empty), for progress. */
  head(): Promise<number>;
  /** Up to `limit` rows with seq at least `from`, in seq order. */
  logPage(from: number, limit: number): Promise<StoredRow[]>;
  /** Every row of the `objects` table, in any order. */
  objects(): AsyncIterable<ObjectsTable>;
  /** The revision of every snapshot, ascending. */
  snapshotRevisions(): Promise<number[]>;
  /** The objects of the snapshot at a revision; throws if they cannot be decoded. */
  snapshot(revision: number): Promise<HeldObject[]>;
}

export interface VerifyReport {
  /** Entries found intact, 1 to this. */
  readonly entries: number;
  readonly headHash: string;
  readonly snapshots: number;
  /** Empty when the log, its projections and snapshots all agree; otherwise in revision order. */
  readonly failures: readonly IntegrityFailure[];
}

export interface VerifyOptions {
  readonly onProgress?: (checked: number, head: number) => void;
  readonly pageSize?: number;
}

/**
 * Walks the whole log once: checks the hash chain, folds each entry as it
 * goes, compares each snapshot with the fold when the walk reaches its
 * revision, and at the end compares the projection table with the fold. A
 * broken chain or an entry the fold refuses ends the walk, since nothing
 * after it can be trusted; the failures of snapshots before it stand, and
 * every other failure is collected.
 */
export async function verifyLog(source: VerifySource, options: VerifyOptions = {}): Promise<VerifyReport> {
  const pageSize = options.pageSize ?? 10_000;
  const head = await source.head();
  const chain = new ChainChecker();
  const state = new MemoryState();
  const snapshots = await source.snapshotRevisions();
  const failures: IntegrityFailure[] = [];
  let nextSnapshot = 0;
  const report = () => ({ entries: chain.revision, headHash: chain.headHash, snapshots: snapshots.length, failures: failures.sort(byRevision) });

  const compareSnapshotsUpTo = async (revision: number) => {
    for (; nextSnapshot < snapshots.length && snapshots[nextSnapshot]! <= revision; nextSnapshot++) {
      const at = snapshots[nextSnapshot]!;
      try {
        failures.push(...compareSnapshot(at, await source.snapshot(at), state.held()));
      } catch (error) {
        failures.push({ revision: at, what: `snapshot cannot be decoded: ${messageOf(error)}` });
      }
    }
  };

  await compareSnapshotsUpTo(0);
  // Below 1 at first, so that a row renumbered to 0 or less is seen, not skipped.
  let from = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await source.logPage(from, pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = chain.check(row);
      if (broken) {
        failures.push(broken);
        return report();
      }
      try {
        state.apply([entryFromRow(row)]);
      } catch (error) {
        failures.push({ revision: row.seq, what: `the fold of the log fails: ${messageOf(error)}` });
        return report();
      }
      await compareSnapshotsUpTo(row.seq);
    }
    from = chain.revision + 1;
    options.onProgress?.(chain.revision, head);
  }
  for (const at of snapshots.slice(nextSnapshot)) {
    failures.push({ revision: at, what: `snapshot is beyond the end of the log (revision ${chain.revision})` });
  }
  failures.push(...(await compareProjections(state.held(), source.objects())));
  return report();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
