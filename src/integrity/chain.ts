import { GENESIS_HASH, type HashedRow, rowHash } from '../log/hash.js';
import type { IntegrityFailure } from './failure.js';

/** A log row as stored: the columns its hash covers, and the hash. */
export interface StoredRow extends HashedRow {
  readonly hash: string;
}

/**
 * Checks the log one row at a time, in seq order, so that a log of any length
 * is walked in pages: revisions must run 1, 2, 3, … without a gap, and each
 * stored hash must equal the hash of its row chained from the row before.
 * After the first failure nothing later can be trusted, so the caller stops.
 */
export class ChainChecker {
  #next = 1;
  #previous = GENESIS_HASH;

  /** The last revision found intact; 0 before any. */
  get revision(): number {
    return this.#next - 1;
  }

  /** The hash of the last intact row: an auditor who records it can detect a later rewrite of the tail. */
  get headHash(): string {
    return this.#previous;
  }

  check(row: StoredRow): IntegrityFailure | undefined {
    const expected = this.#next;
    if (row.seq > expected) {
      const what =
        expected === 1
          ? `missing: the log starts at revision ${row.seq} (rows deleted, or a seq edited)`
          : `missing: the log jumps from revision ${expected - 1} to ${row.seq} (rows deleted, or a seq edited)`;
      return { revision: expected, what };
    }
    // Rows come in seq order and seq is unique, so only a row numbered below 1 can lag behind.
    if (row.seq < expected) return { revision: row.seq, what: 'not a revision: the log starts at revision 1 (a seq edited, or a row inserted)' };
    if (rowHash(this.#previous, row) !== row.hash) {
      return { revision: expected, what: 'hash mismatch (row edited, or chain broken before it)' };
    }
    this.#next = expected + 1;
    this.#previous = row.hash;
    return undefined;
  }
}
