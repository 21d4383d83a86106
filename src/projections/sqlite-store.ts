import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { GENESIS_HASH, rowHash } from '../log/hash.js';
import { type OpenDatabase } from '../log/open.js';
import { LogReader, type LogRow } from '../log/reader.js';
import type { Database } from '../log/schema.js';
import type { Entry, NewEntry } from '../model/entries.js';
import { conflict, resourceFor } from '../model/errors.js';
import type { KubeObject } from '../model/types.js';
import { entryFromRow } from './entry-row.js';
import { evolve } from './evolve.js';
import { objectRow } from './object-row.js';
import { type ClusterStore, type Expectation, type ListQuery, type ObjectKey, keyString } from './store.js';

type Row = { body: string };

/**
 * The embedded store. Appends use better-sqlite3's synchronous transactions
 * (BEGIN IMMEDIATE), so the expectation check, the log insert and the
 * projection update are one atomic step that no other process can interleave.
 */
export class SqliteStore implements ClusterStore {
  readonly log: LogReader;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #db: Kysely<Database>;
  readonly #statements: ReturnType<typeof prepareStatements>;
  readonly #commit: (batch: readonly NewEntry[], expect: readonly Expectation[]) => Entry[];

  constructor(open: OpenDatabase) {
    this.#sqlite = open.sqlite;
    this.#db = open.db;
    this.log = new LogReader(open.db);
    this.#statements = prepareStatements(open.sqlite);
    this.#commit = this.#sqlite.transaction((batch, expect) => this.#append(batch, expect)).immediate;
  }

  async head(): Promise<number> {
    return (this.#statements.head.get() as { seq: number | null }).seq ?? 0;
  }

  async headTime(): Promise<number | null> {
    return (this.#statements.headTime.get() as { time: number } | undefined)?.time ?? null;
  }

  async get(key: ObjectKey): Promise<KubeObject | undefined> {
    const row = this.#statements.getRow.get(key.kind, key.namespace, key.name) as Row | undefined;
    return row ? (JSON.parse(row.body) as KubeObject) : undefined;
  }

  async list(query: ListQuery): Promise<KubeObject[]> {
    const rows = await this.#filtered(query)
      .select('body')
      .orderBy(query.kind === 'Event' ? 'created_seq' : 'namespace')
      .orderBy('name')
      .execute();
    return rows.map((r) => JSON.parse(r.body) as KubeObject);
  }

  async count(query: ListQuery): Promise<number> {
    const row = await this.#filtered(query)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async podsPerNode(): Promise<Map<string, number>> {
    const rows = this.#statements.podsPerNode.all() as { node_name: string; n: number }[];
    return new Map(rows.map((r) => [r.node_name, r.n]));
  }

  async podIPsOnNode(nodeName: string): Promise<Map<string, string>> {
    const rows = this.#statements.podIPsOnNode.all(nodeName) as { uid: string; ip: string }[];
    return new Map(rows.map((r) => [r.uid, r.ip]));
  }

  async entriesAfter(seq: number, limit: number): Promise<Entry[]> {
    const rows = this.#statements.entriesAfter.all(seq, limit) as LogRow[];
    return rows.map(entryFromRow);
  }

  async commit(batch: readonly NewEntry[], expect: readonly Expectation[]): Promise<Entry[]> {
    return this.#commit(batch, expect);
  }

  async snapshotAtOrBefore(revision: number): Promise<{ revision: number; body: string } | undefined> {
    return this.#db
      .selectFrom('snapshots')
      .select(['revision', 'body'])
      .where('revision', '<=', revision)
      .orderBy('revision', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async saveSnapshot(revision: number, body: string): Promise<void> {
    await this.#db.insertInto('snapshots').values({ revision, body }).onConflict((oc) => oc.column('revision').doNothing()).execute();
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }

  #filtered(query: ListQuery) {
    let q = this.#db.selectFrom('objects').where('kind', '=', query.kind);
    if (query.namespace !== undefined) q = q.where('namespace', '=', query.namespace);
    if (query.nodeName !== undefined) q = q.where('node_name', 'is', query.nodeName);
    if (query.ownerUid !== undefined) q = q.where('owner_uid', 'is', query.ownerUid);
    if (query.involvedUid !== undefined) q = q.where('involved_uid', '=', query.involvedUid);
    if (query.phases !== undefined) q = q.where('phase', 'in', [...query.phases]);
    return q;
  }

  #append(batch: readonly NewEntry[], expect: readonly Expectation[]): Entry[] {
    const s = this.#statements;
    for (const e of expect) {
      const row = s.versionOf.get(e.kind, e.namespace, e.name) as { resource_version: number } | undefined;
      const actual = row ? String(row.resource_version) : null;
      if (actual !== e.resourceVersion) {
        throw conflict(resourceFor(e.kind), e.name, `expected version ${e.resourceVersion ?? 'none'}, found ${actual ?? 'none'}`);
      }
    }
    // Objects touched earlier in this batch, so that a batch may change one object several times.
    const touched = new Map<string, { object: KubeObject | undefined; createdSeq: number }>();
    const appended: Entry[] = [];
    const last = s.lastRow.get() as { seq: number; hash: string } | undefined;
    let seq = last?.seq ?? 0;
    let hash = last?.hash ?? GENESIS_HASH;
    for (const proposed of batch) {
      seq += 1;
      const row = {
        seq,
        time: proposed.time,
        actor: proposed.actor,
        type: proposed.type,
        kind: proposed.kind,
        namespace: proposed.namespace,
        name: proposed.name,
        uid: proposed.uid,
        cause: proposed.cause,
        data: JSON.stringify(proposed.data),
      };
      hash = rowHash(hash, row);
      s.insertEntry.run(row.seq, row.time, row.actor, row.type, row.kind, row.namespace, row.name, row.uid, row.cause, row.data, hash);
      const entry = { ...proposed, seq } as Entry;
      appended.push(entry);
      const key = keyString(entry);
      let before = touched.get(key);
      if (!before) {
        const row = s.getRow.get(entry.kind, entry.namespace, entry.name) as (Row & { created_seq: number }) | undefined;
        before = row
          ? { object: JSON.parse(row.body) as KubeObject, createdSeq: row.created_seq }
          : { object: undefined, createdSeq: entry.seq };
      }
      const object = evolve(before.object, entry);
      const createdSeq = before.object ? before.createdSeq : entry.seq;
      touched.set(key, { object, createdSeq });
      if (object) {
        const r = objectRow(object, createdSeq);
        s.putObject.run(r.kind, r.namespace, r.name, r.uid, r.resource_version, r.created_seq, r.node_name, r.owner_uid, r.involved_uid, r.phase, r.body);
      } else {
        s.deleteObject.run(entry.kind, entry.namespace, entry.name);
      }
    }
    return appended;
  }
}

// The hot paths run as prepared statements on the raw handle: Kysely's SQLite
// driver is asynchronous and cannot run inside a synchronous transaction.
function prepareStatements(sqlite: BetterSqlite3.Database) {
  return {
    head: sqlite.prepare('SELECT max(seq) AS seq FROM log'),
    headTime: sqlite.prepare('SELECT time FROM log ORDER BY seq DESC LIMIT 1'),
    entriesAfter: sqlite.prepare('SELECT * FROM log WHERE seq > ? ORDER BY seq LIMIT ?'),
    lastRow: sqlite.prepare('SELECT seq, hash FROM log ORDER BY seq DESC LIMIT 1'),
    insertEntry: sqlite.prepare(
      'INSERT INTO log (seq, time, actor, type, kind, namespace, name, uid, cause, data, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    getRow: sqlite.prepare('SELECT body, created_seq FROM objects WHERE kind = ? AND namespace = ? AND name = ?'),
    versionOf: sqlite.prepare('SELECT resource_version FROM objects WHERE kind = ? AND namespace = ? AND name = ?'),
    putObject: sqlite.prepare(
      // An upsert rewrites only the index entries whose columns changed; REPLACE would rewrite them all.
      `INSERT INTO objects
         (kind, namespace, name, uid, resource_version, created_seq, node_name, owner_uid, involved_uid, phase, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, namespace, name) DO UPDATE SET
         uid = excluded.uid, resource_version = excluded.resource_version, created_seq = excluded.created_seq,
         node_name = excluded.node_name, owner_uid = excluded.owner_uid, involved_uid = excluded.involved_uid,
         phase = excluded.phase, body = excluded.body`,
    ),
    deleteObject: sqlite.prepare('DELETE FROM objects WHERE kind = ? AND namespace = ? AND name = ?'),
    podIPsOnNode: sqlite.prepare(
      "SELECT uid, json_extract(body, '$.status.podIP') AS ip FROM objects WHERE kind = 'Pod' AND node_name = ? AND ip IS NOT NULL",
    ),
    podsPerNode: sqlite.prepare(
      "SELECT node_name, count(*) AS n FROM objects WHERE kind = 'Pod' AND node_name IS NOT NULL GROUP BY node_name",
    ),
  };
}
