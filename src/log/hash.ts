import { createHash } from 'node:crypto';

/** The columns of a log row that its hash covers: all of them but the hash. */
export interface HashedRow {
  readonly seq: number;
  readonly time: number;
  readonly actor: string;
  readonly type: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly cause: number | null;
  /** The JSON text exactly as stored. */
  readonly data: string;
}

/** The hash the first row chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * sha256 over the previous row's hash and this row's columns, as hex. The
 * columns go in as a JSON array, so that no two rows serialize alike.
 */
export function rowHash(previous: string, row: HashedRow): string {
  return createHash('sha256')
    .update(previous)
    .update(JSON.stringify([row.seq, row.time, row.actor, row.type, row.kind, row.namespace, row.name, row.uid, row.cause, row.data]))
    .digest('hex');
}
