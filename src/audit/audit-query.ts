import type { LogQuery, LogReader } from '../log/reader.js';
import type { MomentSpec } from '../model/durations.js';
import type { Entry, EntryType } from '../model/entries.js';
import { badRequest } from '../model/errors.js';
import type { Kind } from '../model/types.js';
import { readEntries } from './read-entries.js';

/** Which entries `audit` prints; every field narrows, none means the whole log. */
export interface AuditFilter {
  /** From this moment on: a revision, or a time (inclusive). */
  readonly since?: MomentSpec;
  /** Up to this moment: a revision, or a time (inclusive). */
  readonly until?: MomentSpec;
  readonly actor?: string;
  readonly type?: EntryType;
  readonly kind?: Kind;
  readonly namespace?: string;
  readonly name?: string;
}

// A Record over the union, so that a new entry type must be listed here to compile.
const ENTRY_TYPES: Readonly<Record<EntryType, true>> = {
  ClusterInitialized: true,
  ClockAdvanced: true,
  NamespaceCreated: true,
  NamespaceDeletionRequested: true,
  NamespaceDeleted: true,
  NodeRegistered: true,
  NodeImagePulled: true,
  ReplicationControllerCreated: true,
  ReplicationControllerScaled: true,
  ReplicationControllerStatusUpdated: true,
  ReplicationControllerDeleted: true,
  PodCreated: true,
  PodAdopted: true,
  PodBound: true,
  PodSandboxStarted: true,
  ImagePullStarted: true,
  ContainerStarted: true,
  PodReady: true,
  PodDeletionRequested: true,
  PodDeleted: true,
  EventRecorded: true,
  EventRepeated: true,
  EventDeleted: true,
};

/** An entry type as a user may type it, in any case. */
export function entryTypeOf(text: string): EntryType {
  const type = (Object.keys(ENTRY_TYPES) as EntryType[]).find((t) => t.toLowerCase() === text.toLowerCase());
  if (!type) throw badRequest(`unknown entry type "${text}": use one of ${Object.keys(ENTRY_TYPES).join(', ')}`);
  return type;
}

/**
 * The actor a filter names. Components are written in full
 * (`system:scheduler`); a bare name is a user, as `--as alice` records `user:alice`.
 */
export function actorOf(text: string): string {
  const actor = text.trim();
  if (actor === '') throw badRequest('--actor needs a value: a user name, user:NAME or system:COMPONENT');
  return actor.includes(':') ? actor : `user:${actor}`;
}

/** The entries a filter selects, in revision order. A revision bound must name an entry of the log. */
export async function loadAudit(log: LogReader, filter: AuditFilter): Promise<Entry[]> {
  for (const bound of [filter.since, filter.until]) {
    if (bound && 'revision' in bound) await mustExist(log, bound.revision);
  }
  return readEntries(log, logQuery(filter));
}

export function logQuery(filter: AuditFilter): Omit<LogQuery, 'limit'> {
  const { since, until } = filter;
  return {
    ...(since && 'revision' in since ? { after: since.revision - 1 } : {}),
    ...(since && 'time' in since ? { since: since.time } : {}),
    ...(until && 'revision' in until ? { upTo: until.revision } : {}),
    ...(until && 'time' in until ? { until: until.time } : {}),
    ...(filter.actor !== undefined ? { actor: filter.actor } : {}),
    ...(filter.type !== undefined ? { type: filter.type } : {}),
    ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
    ...(filter.namespace !== undefined ? { namespace: filter.namespace } : {}),
    ...(filter.name !== undefined ? { name: filter.name } : {}),
  };
}

async function mustExist(log: LogReader, revision: number): Promise<void> {
  if (revision >= 1 && (await log.row(revision))) return;
  throw badRequest(`revision ${revision} does not exist: the log holds revisions 1 to ${(await log.last())?.seq ?? 0}`);
}
