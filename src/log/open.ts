import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { FileMigrationProvider, Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

export interface OpenDatabase {
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<Database>;
  readonly file: string;
}

export class StorageError extends Error {}

const migrationFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

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
  } catch (error) {
    throw new StorageError(`cannot open ${file}: ${(error as Error).message}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const message = error instanceof Error ? error.message : String(error);
    throw new StorageError(`cannot migrate ${file}: ${message}`, { cause: error });
  }
  return { sqlite, db, file };
}
