import type { Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The state folded up to `revision`, as JSON: a cache for reads in the past,
  // never a source of truth (deleting every row changes no output).
  await db.schema
    .createTable('snapshots')
    .addColumn('revision', 'integer', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
}
