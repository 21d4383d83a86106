import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase, StorageError } from '../log/open.js';
import type { LogRow } from '../log/reader.js';
import { badRequest } from '../model/errors.js';
import { entryFromRow } from '../projections/entry-row.js';
import { MemoryState } from '../projections/memory-state.js';
import { objectRow } from '../projections/object-row.js';
import { SqliteStore } from '../projections/sqlite-store.js';
import { ChainChecker } from './chain.js';
import { failureLine } from './failure.js';
import { requireDatabase, verifyDataDir } from './sqlite-source.js';

export interface ForkOptions {
  /** The data directory to fork. */
  readonly source: string;
  /** A new data directory: absent, or an empty directory. */
  readonly target: string;
  /** The last revision to keep, as `--at` resolved it on the source cluster. */
  readonly revision: number;
}

export interface ForkReport {
  readonly revision: number;
  /** ms since the epoch: the time of the fork's last entry. */
  readonly time: number;
  readonly entries: number;
}

const PAGE = 10_000;

/**
 * Makes a new data directory whose log is the source's entries 1 to the
 * revision `at` resolves to, copied verbatim, hashes and all, with its
 * projection table folded from them. The fork then runs on as a cluster of
 * its own. Nothing is left behind if any step fails, the final verification
 * of the fork included.
 */
export async function forkCluster(options: ForkOptions): Promise<ForkReport> {
  requireDatabase(options.source);
  const created = claimTarget(options.target);
  try {
    const report = await copyLog(options);
    const verified = await verifyDataDir(options.target);
    const [failure] = verified.failures;
    if (failure) throw new StorageError(`the fork does not verify, so nothing was kept: ${failureLine(failure)}`);
    return report;
  } catch (error) {
    clearTarget(options.target, created);
    throw error;
  }
}

async function copyLog(options: ForkOptions): Promise<ForkReport> {
  const source = await openDatabase(options.source);
  const store = new SqliteStore(source);
  try {
    const { revision } = options;
    const last = await store.log.row(revision);
    if (!last) throw badRequest(`revision ${revision} does not exist: the log holds revisions 1 to ${await store.head()}`);
    const target = await openDatabase(options.target);
    try {
      const entries = target.sqlite.transaction(() => copyEntries(source.sqlite, target.sqlite, revision)).immediate();
      return { revision, time: last.time, entries };
    } finally {
      await target.db.destroy();
    }
  } finally {
    await store.close();
  }
}

/**
 * The one place outside src/api that inserts log rows: a verbatim copy of
 * rows the API appended, hashes included, so that the fork's chain is the
 * source's. It never makes an entry of its own. Each row's place in the
 * chain is checked before it is copied, so that a tampered source is refused
 * for what it is rather than for whatever the fold makes of it. The
 * projection table is written as the store writes it, from the same fold.
 */
function copyEntries(from: BetterSqlite3.Database, to: BetterSqlite3.Database, revision: number): number {
  const read = from.prepare('SELECT * FROM log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
  const insert = to.prepare(
    'INSERT INTO log (seq, time, actor, type, kind, namespace, name, uid, cause, data, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const putObject = to.prepare(
    `INSERT INTO objects (kind, namespace, name, uid, resource_version, created_seq, node_name, owner_uid, involved_uid, phase, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const chain = new ChainChecker();
  const state = new MemoryState();
  while (chain.revision < revision) {
    const rows = read.all(chain.revision, revision, PAGE) as LogRow[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const broken = chain.check(r);
      if (broken) throw new StorageError(`the log does not verify, so nothing was forked: ${failureLine(broken)}`);
      insert.run(r.seq, r.time, r.actor, r.type, r.kind, r.namespace, r.name, r.uid, r.cause, r.data, r.hash);
    }
    state.apply(rows.map(entryFromRow));
  }
  for (const held of state.held()) {
    const r = objectRow(held.object, held.createdSeq);
    putObject.run(r.kind, r.namespace, r.name, r.uid, r.resource_version, r.created_seq, r.node_name, r.owner_uid, r.involved_uid, r.phase, r.body);
  }
  return chain.revision;
}

/** Refuses a target that holds anything, so that a fork never mixes with, or overwrites, other data. Returns whether it made the directory. */
function claimTarget(target: string): boolean {
  if (!existsSync(target)) {
    mkdirSync(target, { recursive: true });
    return true;
  }
  if (!statSync(target).isDirectory()) throw badRequest(`${target} exists and is not a directory: fork makes a new data directory`);
  if (readdirSync(target).length > 0) throw badRequest(`${target} is not empty: fork makes a new data directory, give it a new or empty one`);
  return false;
}

function clearTarget(target: string, created: boolean): void {
  if (created) {
    rmSync(target, { recursive: true, force: true });
    return;
  }
  for (const name of readdirSync(target)) rmSync(path.join(target, name), { recursive: true, force: true });
}
