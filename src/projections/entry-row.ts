import type { LogRow } from '../log/reader.js';
import type { Entry } from '../model/entries.js';

/** A log row as the typed entry it records. */
export function entryFromRow(row: LogRow): Entry {
  return {
    seq: row.seq,
    time: row.time,
    actor: row.actor,
    type: row.type,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    uid: row.uid,
    cause: row.cause,
    data: JSON.parse(row.data),
  } as Entry;
}
