import type { Generated } from 'kysely';

/** The append-only log; one row per entry. `data` is the entry's JSON payload. */
export interface LogTable {
  seq: Generated<number>;
  time: number;
  actor: string;
  type: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  cause: number | null;
  data: string;
  hash: string;
}

/** The projection of every live object, folded from the log. */
export interface ObjectsTable {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  resource_version: number;
  created_seq: number;
  node_name: string | null;
  owner_uid: string | null;
  involved_uid: string | null;
  phase: string | null;
  body: string;
}

/** Cached states at a revision (see src/projections/snapshots.ts). */
export interface SnapshotsTable {
  revision: number;
  body: string;
}

export interface Database {
  log: LogTable;
  objects: ObjectsTable;
  snapshots: SnapshotsTable;
}
