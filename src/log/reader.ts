import type { Kysely, Selectable } from 'kysely';
import type { Database, LogTable } from './schema.js';

export type LogRow = Selectable<LogTable>;

/** Which rows of the log to read; every bound is inclusive except `after`. */
export interface LogQuery {
  /** Rows with seq greater than this. */
  readonly after?: number;
  /** Rows with seq at most this. */
  readonly upTo?: number;
  /** ms since the epoch. */
  readonly since?: number;
  readonly until?: number;
  readonly actor?: string;
  readonly type?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly limit?: number;
}

/**
 * Read-only queries over the log, for audits, history and time travel. Rows
 * come in revision order, as stored (data as JSON text, with the hash).
 */
export class LogReader {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async rows(query: LogQuery = {}): Promise<LogRow[]> {
    let q = this.#db.selectFrom('log').selectAll();
    if (query.after !== undefined) q = q.where('seq', '>', query.after);
    if (query.upTo !== undefined) q = q.where('seq', '<=', query.upTo);
    if (query.since !== undefined) q = q.where('time', '>=', query.since);
    if (query.until !== undefined) q = q.where('time', '<=', query.until);
    if (query.actor !== undefined) q = q.where('actor', '=', query.actor);
    if (query.type !== undefined) q = q.where('type', '=', query.type);
    if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
    if (query.namespace !== undefined) q = q.where('namespace', '=', query.namespace);
    if (query.name !== undefined) q = q.where('name', '=', query.name);
    if (query.uid !== undefined) q = q.where('uid', '=', query.uid);
    q = q.orderBy('seq');
    if (query.limit !== undefined) q = q.limit(query.limit);
    return q.execute();
  }

  async row(seq: number): Promise<LogRow | undefined> {
    return this.#db.selectFrom('log').selectAll().where('seq', '=', seq).executeTakeFirst();
  }

  /** The last revision whose time is at or before `time` (ms); 0 when the log starts later. */
  async revisionAt(time: number): Promise<number> {
    const row = await this.#db
      .selectFrom('log')
      .select('seq')
      .where('time', '<=', time)
      .orderBy('time', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.seq ?? 0;
  }

  async first(): Promise<LogRow | undefined> {
    return this.#db.selectFrom('log').selectAll().orderBy('seq').limit(1).executeTakeFirst();
  }

  async last(): Promise<LogRow | undefined> {
    return this.#db.selectFrom('log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }
}
