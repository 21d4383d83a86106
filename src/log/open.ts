import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Database } from './schema.js';

export interface OpenDatabase {
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<Database>;
  readonly file: string;
}

export class StorageError extends Error {}

const MIGRATION_ATTEMPTS = 6;
const WAL_ATTEMPTS = 50;

// Switching a new file to WAL needs it to itself for a moment, and SQLite
// answers SQLITE_BUSY at once rather than waiting when another process is
// opening the same new file; once the file is in WAL mode this is a no-op.
async function enableWal(sqlite: BetterSqlite3.Database): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= WAL_ATTEMPTS) throw error;
      await sleep(20);
    }
  }
}

/** Every data directory holds exactly one log, always under this name. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'cluster.db');
}

/**
 * Opens (creating if needed) the SQLite file of a data directory and brings its
 * schema to the latest migration. WAL lets readers run beside one writer;
 * synchronous=FULL makes an acknowledged append durable.
 */
export async function openDatabase(dataDir: string): Promise<OpenDatabase> {
  const file = databaseFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { timeout: 10_000 });
    await enableWal(sqlite);
    sqlite.pragma('synchronous = FULL');
    // A settle of thousands of pods touches pages all over the indexes; a
    // larger cache and memory-mapped reads keep that off the system-call path.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('mmap_size = 268435456');
  } catch (error) {
    throw new StorageError(`cannot open ${file}: ${(error as Error).message}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  // Kysely's SQLite migration lock holds within one process only: two
  // processes opening a new file at once both try to migrate, and the later
  // one fails. Its transaction rolls back, and on a second try it finds the
  // other's migrations done.
  for (let attempt = 1; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return { sqlite, db, file };
    if (attempt >= MIGRATION_ATTEMPTS) {
      await db.destroy();
      const message = error instanceof Error ? error.message : String(error);
      throw new StorageError(`cannot migrate ${file}: ${message}`, { cause: error });
    }
    await sleep(50 * attempt);
  }
}
