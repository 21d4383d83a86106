import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('time', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('cause', 'integer')
    .addColumn('data', 'text', (c) => c.notNull())
    // sha256 over this row's content and the previous row's hash: editing any
    // row breaks the chain from there on (see src/log/hash.ts).
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('log_object').on('log').columns(['kind', 'namespace', 'name', 'seq']).execute();
  await db.schema.createIndex('log_uid').on('log').columns(['uid', 'seq']).execute();
  await db.schema.createIndex('log_time').on('log').columns(['time', 'seq']).execute();

  // The log is append-only: refuse edits and deletions at the engine level too.
  await sql`CREATE TRIGGER log_no_update BEFORE UPDATE ON log BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER log_no_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END`.execute(db);

  // One projection table for every kind: the object's JSON plus the columns
  // that reads and reconciles look things up by.
  await db.schema
    .createTable('objects')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('resource_version', 'integer', (c) => c.notNull())
    .addColumn('created_seq', 'integer', (c) => c.notNull())
    .addColumn('node_name', 'text')
    .addColumn('owner_uid', 'text')
    .addColumn('involved_uid', 'text')
    .addColumn('phase', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('objects_pk', ['kind', 'namespace', 'name'])
    .execute();
  await db.schema.createIndex('objects_node').on('objects').columns(['kind', 'node_name', 'phase']).execute();
  await db.schema.createIndex('objects_owner').on('objects').columns(['kind', 'owner_uid', 'namespace', 'phase']).execute();
  await db.schema.createIndex('objects_involved').on('objects').columns(['kind', 'involved_uid']).execute();
  await db.schema.createIndex('objects_phase').on('objects').columns(['kind', 'phase']).execute();
}
