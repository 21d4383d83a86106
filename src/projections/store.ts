import type { LogReader } from '../log/reader.js';
import type { Entry, NewEntry } from '../model/entries.js';
import type { Kind, KubeObject } from '../model/types.js';

export interface ObjectKey {
  readonly kind: Kind;
  readonly namespace: string;
  readonly name: string;
}

/** The version a decision read an object at; null when it read the object as absent. */
export interface Expectation extends ObjectKey {
  readonly resourceVersion: string | null;
}

export interface ListQuery {
  readonly kind: Kind;
  readonly namespace?: string;
  /** null selects pods not bound to any node. */
  readonly nodeName?: string | null;
  /** null selects pods without a controller. */
  readonly ownerUid?: string | null;
  readonly involvedUid?: string;
  readonly phases?: readonly string[];
}

/** Reads of objects: the live projection tables, or the state as of a past revision. */
export interface ObjectReader {
  get(key: ObjectKey): Promise<KubeObject | undefined>;
  list(query: ListQuery): Promise<KubeObject[]>;
}

/**
 * The log and its projections, behind promises so that an engine other than
 * SQLite can stand behind it. `commit` appends a batch atomically, updating the
 * projections in the same transaction, and only if every expectation still
 * holds; otherwise it rejects with an ApiError of code 'Conflict'.
 */
export interface ClusterStore extends ObjectReader {
  /** Read-only queries over the log itself. */
  readonly log: LogReader;
  head(): Promise<number>;
  headTime(): Promise<number | null>;
  count(query: ListQuery): Promise<number>;
  /** Pods per node, counting every pod bound to it that has not been deleted. */
  podsPerNode(): Promise<Map<string, number>>;
  /** The IPs of the pods on a node, by pod uid. */
  podIPsOnNode(nodeName: string): Promise<Map<string, string>>;
  entriesAfter(seq: number, limit: number): Promise<Entry[]>;
  commit(batch: readonly NewEntry[], expect: readonly Expectation[]): Promise<Entry[]>;
  /** The latest cached state at or before a revision, as stored. */
  snapshotAtOrBefore(revision: number): Promise<{ revision: number; body: string } | undefined>;
  saveSnapshot(revision: number, body: string): Promise<void>;
  close(): Promise<void>;
}

export function keyString(key: ObjectKey): string {
  return `${key.kind}/${key.namespace}/${key.name}`;
}

export function keyOf(object: KubeObject): ObjectKey {
  return { kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name };
}
