import type { Migration } from 'kysely';
import * as logAndObjects from './2026-12-04-0001-log-and-objects.js';
import * as snapshots from './2026-12-04-0002-snapshots.js';

/**
 * Every migration, by its sortable name. Listed here rather than found by
 * FileMigrationProvider because that provider loads files with a native
 * import(), which cannot load the TypeScript sources the tests run from.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-12-04-0001-log-and-objects': logAndObjects,
  '2026-12-04-0002-snapshots': snapshots,
};
