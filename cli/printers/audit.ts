// What the audit verbs print: pure functions of entries, histories and diffs.

import { stringify } from 'yaml';
import { entryDetail } from '../../src/audit/detail.js';
import type { FieldChange, Json } from '../../src/audit/field-diff.js';
import type { Incarnation } from '../../src/audit/history.js';
import { objectRef, objectRefOf } from '../../src/audit/object-ref.js';
import type { ObjectChange, StateDiff } from '../../src/audit/state-diff.js';
import type { Entry } from '../../src/model/entries.js';
import { formatTabbed, GET_TABLE } from './tabwriter.js';

const AUDIT_HEADER = ['REVISION', 'TIME', 'ACTOR', 'ACTION', 'OBJECT', 'DETAIL'];
const HISTORY_HEADER = ['REVISION', 'TIME', 'ACTOR', 'ACTION', 'DETAIL'];

const CHANGE_INDENT = '    ';

/** Log time in RFC 3339, UTC, to the millisecond the log keeps. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * `audit`'s table: one line per entry, aligned as `get`'s tables are.
 *
 * @example printAudit([scaled])
 *   // 'REVISION   TIME                       ACTOR        ACTION                        OBJECT                                DETAIL\n'
 *   // '38         2015-12-09T10:35:02.000Z   user:alice   ReplicationControllerScaled   replicationcontroller/default/nginx   replicas=3\n'
 */
export function printAudit(entries: readonly Entry[]): string {
  return table([AUDIT_HEADER, ...entries.map((e) => [...entryCells(e), objectRef(e), entryDetail(e)])]);
}

/** `audit -o json`: the entries as the log holds them, data parsed. */
export function printEntriesJson(entries: readonly Entry[]): string {
  return `${JSON.stringify(entries.map(plainEntry), null, 4)}\n`;
}

export function printEntriesYaml(entries: readonly Entry[]): string {
  return stringify(entries.map(plainEntry), { indentSeq: false });
}

// The log's column order, whatever order the entry object was built in.
function plainEntry(e: Entry) {
  return { seq: e.seq, time: e.time, actor: e.actor, type: e.type, kind: e.kind, namespace: e.namespace, name: e.name, uid: e.uid, cause: e.cause, data: e.data };
}

/**
 * `history`: for each incarnation of the name, a title with its uid, then
 * each entry with the fields it changed.
 *
 * @example printHistory('replicationcontroller/default/nginx', history)
 *   // 'replicationcontroller/default/nginx uid=9f2c…\n'
 *   // 'REVISION   TIME                       ACTOR        ACTION                        DETAIL\n'
 *   // '38         2015-12-09T10:35:02.000Z   user:alice   ReplicationControllerScaled   replicas=3\n'
 *   // '      metadata.generation: 1 → 2\n'
 *   // '      spec.replicas: 1 → 3\n'
 */
export function printHistory(ref: string, incarnations: readonly Incarnation[]): string {
  // One tabwriter pass over every tabbed line, so that columns agree across incarnations.
  const rows = incarnations.flatMap((inc) => [HISTORY_HEADER, ...inc.steps.map((s) => [...entryCells(s.entry), entryDetail(s.entry)])]);
  const lines = tableLines(rows);
  const out: string[] = [];
  incarnations.forEach((inc, i) => {
    if (i > 0) out.push('');
    out.push(`${ref} uid=${inc.uid}`, lines.shift()!);
    for (const step of inc.steps) out.push(lines.shift()!, ...step.changes.map(formatChange));
  });
  return out.map((l) => `${l}\n`).join('');
}

/**
 * `why`: the chain of causes, most recent first; each line after the first
 * is the cause of the one above it.
 *
 * @example printCauseChain(chain)
 *   // '  12      2015-12-09T10:34:18.000Z   system:kubelet:10.0.3.254   PodReady   pod/default/nginx-abcde\n'
 *   // '← 7       2015-12-09T10:34:17.000Z   system:scheduler            PodBound   pod/default/nginx-abcde   node=10.0.3.254\n'
 */
export function printCauseChain(chain: readonly Entry[]): string {
  return table(
    chain.map((e, i) => {
      const [seq, ...rest] = entryCells(e);
      return [`${i === 0 ? ' ' : '←'} ${seq}`, ...rest, objectRef(e), entryDetail(e)];
    }),
  );
}

/**
 * `diff`: the two moments, then each object created, deleted or changed,
 * a changed one with its fields.
 *
 * @example printStateDiff(diff)
 *   // 'from revision 19 (2015-12-09T10:34:20.000Z) to revision 37 (2015-12-09T10:35:01.000Z)\n'
 *   // 'deleted  pod/default/nginx-abcde\n'
 *   // 'created  pod/default/nginx-fghij\n'
 */
export function printStateDiff(diff: StateDiff): string {
  const head = `from revision ${diff.from.revision} (${rfc3339(diff.from.time)}) to revision ${diff.to.revision} (${rfc3339(diff.to.time)})`;
  return [head, ...diff.changes.flatMap(changeLines)].map((l) => `${l}\n`).join('');
}

function changeLines(change: ObjectChange): string[] {
  switch (change.op) {
    case 'created':
    case 'deleted':
      return [`${change.op}  ${objectRefOf(change.object)}`];
    case 'changed':
      return [`changed  ${objectRefOf(change.after)}`, ...change.changes.map(formatChange)];
    default: {
      const exhaustive: never = change;
      return exhaustive;
    }
  }
}

/**
 * One field of a diff, indented under its entry or object: `+` added,
 * `-` removed, unmarked for a value that changed.
 *
 * @example formatChange({ op: 'changed', path: 'spec.replicas', from: 1, to: 3 }) // '      spec.replicas: 1 → 3'
 */
export function formatChange(change: FieldChange): string {
  switch (change.op) {
    case 'changed':
      return `${CHANGE_INDENT}  ${change.path}: ${formatValue(change.from)} → ${formatValue(change.to)}`;
    case 'added':
      return `${CHANGE_INDENT}+ ${change.path}: ${formatValue(change.value)}`;
    case 'removed':
      return `${CHANGE_INDENT}- ${change.path}: ${formatValue(change.value)}`;
    default: {
      const exhaustive: never = change;
      return exhaustive;
    }
  }
}

/**
 * A leaf as it reads best: a plain string bare, as Kubernetes prints names
 * and phases; anything that would be ambiguous or span lines (an empty
 * string, surrounding spaces, control characters) quoted, like every
 * non-string.
 */
export function formatValue(value: Json): string {
  if (typeof value === 'string' && value !== '' && value.trim() === value && !/[\u0000-\u001f\u007f]/.test(value)) return value;
  return JSON.stringify(value);
}

function entryCells(e: Entry): string[] {
  return [String(e.seq), rfc3339(e.time), e.actor, e.type];
}

function table(rows: readonly (readonly string[])[]): string {
  return tableLines(rows).map((l) => `${l}\n`).join('');
}

// Every row ends its last cell with a tab so that all rows share the columns;
// the padding that leaves after an empty last cell is trimmed.
function tableLines(rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return [];
  const text = formatTabbed(rows.map((cells) => `${cells.join('\t')}\t\n`).join(''), GET_TABLE);
  return text.split('\n').slice(0, rows.length).map((l) => l.trimEnd());
}
