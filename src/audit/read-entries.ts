import type { LogQuery, LogReader } from '../log/reader.js';
import type { Entry } from '../model/entries.js';
import { entryFromRow } from '../projections/entry-row.js';

const PAGE = 10_000;

/** Every entry a query selects, read a page at a time so that no single query holds the whole log. */
export async function readEntries(log: LogReader, query: Omit<LogQuery, 'limit'>): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after = query.after;
  for (;;) {
    const rows = await log.rows({ ...query, ...(after !== undefined ? { after } : {}), limit: PAGE });
    entries.push(...rows.map(entryFromRow));
    if (rows.length < PAGE) return entries;
    after = rows[rows.length - 1]!.seq;
  }
}
