import type { LogReader } from '../log/reader.js';
import type { Entry } from '../model/entries.js';
import { badRequest, notFound, resourceFor } from '../model/errors.js';
import { entryFromRow } from '../projections/entry-row.js';
import type { ObjectKey } from '../projections/store.js';
import { objectQuery } from './history.js';
import { readEntries } from './read-entries.js';

export type EntryLookup = (seq: number) => Promise<Entry | undefined>;

/**
 * Follows `cause` from an entry back to the one that has none: a user's
 * request, or a component acting on no observation (bootstrap, a resync).
 * Most recent first, the start included. A cause must be an earlier entry
 * of the log; anything else means the log is damaged, and is an error
 * rather than a walk that could loop.
 */
export async function causeChain(start: Entry, lookup: EntryLookup): Promise<Entry[]> {
  const chain = [start];
  let current = start;
  while (current.cause !== null) {
    const cause = current.cause;
    const next = cause < current.seq ? await lookup(cause) : undefined;
    if (!next) throw new Error(`entry ${current.seq} names entry ${cause} as its cause, which is not an earlier entry of the log`);
    chain.push(next);
    current = next;
  }
  return chain;
}

/** A user's request: what a chain of causes should end at, unless it ends at the cluster's bootstrap. */
export function isUserRequest(entry: Entry): boolean {
  return entry.actor.startsWith('user:') && entry.cause === null;
}

/** Where `why` starts: an object's last entry (at or before `revision` if given), or entry `revision` itself. */
export type WhyStart = { readonly key: ObjectKey; readonly revision?: number } | { readonly revision: number };

export async function loadCauseChain(log: LogReader, start: WhyStart): Promise<Entry[]> {
  return causeChain(await startEntry(log, start), async (seq) => {
    const row = await log.row(seq);
    return row && entryFromRow(row);
  });
}

async function startEntry(log: LogReader, start: WhyStart): Promise<Entry> {
  if (!('key' in start)) {
    const row = start.revision >= 1 ? await log.row(start.revision) : undefined;
    if (!row) throw badRequest(`revision ${start.revision} does not exist: the log holds revisions 1 to ${(await log.last())?.seq ?? 0}`);
    return entryFromRow(row);
  }
  const entries = await readEntries(log, { ...objectQuery(start.key), ...(start.revision !== undefined ? { upTo: start.revision } : {}) });
  const last = entries[entries.length - 1];
  if (!last) throw notFound(resourceFor(start.key.kind), start.key.name);
  return last;
}
