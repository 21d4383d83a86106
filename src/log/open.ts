import { mkdirSync } from 'node:fs';
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
    sqlite.pragma('journal_mode = WAL');
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
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const message = error instanceof Error ? error.message : String(error);
    throw new StorageError(`cannot migrate ${file}: ${message}`, { cause: error });
  }
  return { sqlite, db, file };
}
