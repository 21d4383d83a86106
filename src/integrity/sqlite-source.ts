import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { databaseFile, StorageError } from '../log/open.js';
import type { ObjectsTable } from '../log/schema.js';
import { decodeSnapshot } from '../projections/snapshots.js';
import type { StoredRow } from './chain.js';
import type { HeldObject } from './failure.js';
import { type VerifyOptions, type VerifyReport, type VerifySource, verifyLog } from './verify.js';

const OBJECTS_PAGE = 10_000;

/**
 * A data directory's cluster.db as verify reads it: through a plain read-only
 * handle, never openDatabase, because a tampered file (triggers dropped, rows
 * edited) may no longer migrate, and verify must neither fail on it nor
 * change it. Every read runs in one transaction, so that the log, the
 * projections and the snapshots are compared as of one moment even while
 * another process appends.
 */
export class SqliteVerifySource implements VerifySource {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #hasSnapshots: boolean;

  private constructor(sqlite: BetterSqlite3.Database) {
    this.#sqlite = sqlite;
    const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    for (const table of ['log', 'objects']) {
      if (!tables.has(table)) throw new StorageError(`${sqlite.name} has no table ${table}: not a kubelog log, or damaged`);
    }
    this.#hasSnapshots = tables.has('snapshots');
    sqlite.exec('BEGIN');
  }

  static open(dataDir: string): SqliteVerifySource {
    const file = requireDatabase(dataDir);
    let sqlite: BetterSqlite3.Database;
    try {
      sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
    } catch (error) {
      throw new StorageError(`cannot open ${file}: ${(error as Error).message}`, { cause: error });
    }
    try {
      return new SqliteVerifySource(sqlite);
    } catch (error) {
      sqlite.close();
      throw error;
    }
  }

  async head(): Promise<number> {
    return (this.#sqlite.prepare('SELECT coalesce(max(seq), 0) AS seq FROM log').get() as { seq: number }).seq;
  }

  async logPage(from: number, limit: number): Promise<StoredRow[]> {
    return this.#sqlite
      .prepare('SELECT seq, time, actor, type, kind, namespace, name, uid, cause, data, hash FROM log WHERE seq >= ? ORDER BY seq LIMIT ?')
      .all(from, limit) as StoredRow[];
  }

  async *objects(): AsyncIterable<ObjectsTable> {
    const first = this.#sqlite.prepare('SELECT * FROM objects ORDER BY kind, namespace, name LIMIT ?');
    const next = this.#sqlite.prepare('SELECT * FROM objects WHERE (kind, namespace, name) > (?, ?, ?) ORDER BY kind, namespace, name LIMIT ?');
    let page = first.all(OBJECTS_PAGE) as ObjectsTable[];
    while (page.length > 0) {
      yield* page;
      const last = page.at(-1)!;
      page = next.all(last.kind, last.namespace, last.name, OBJECTS_PAGE) as ObjectsTable[];
    }
  }

  async snapshotRevisions(): Promise<number[]> {
    if (!this.#hasSnapshots) return [];
    return (this.#sqlite.prepare('SELECT revision FROM snapshots ORDER BY revision').all() as { revision: number }[]).map((r) => r.revision);
  }

  async snapshot(revision: number): Promise<HeldObject[]> {
    const row = this.#sqlite.prepare('SELECT body FROM snapshots WHERE revision = ?').get(revision) as { body: string };
    // Decoded as reads decode it, so that what is checked is what a read in the past would load.
    return [...decodeSnapshot(revision, row.body).held()];
  }

  close(): void {
    this.#sqlite.exec('COMMIT');
    this.#sqlite.close();
  }
}

/** The cluster.db of a data directory, which must exist: verify and fork examine a cluster, and never make one. */
export function requireDatabase(dataDir: string): string {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) throw new StorageError(`no cluster in ${dataDir}: ${file} does not exist`);
  return file;
}

/** Verifies the cluster.db of a data directory; see verifyLog. */
export async function verifyDataDir(dataDir: string, options?: VerifyOptions): Promise<VerifyReport> {
  const source = SqliteVerifySource.open(dataDir);
  try {
    return await verifyLog(source, options);
  } finally {
    source.close();
  }
}
