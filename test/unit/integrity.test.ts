import { describe, expect, it } from 'vitest';
import { type StoredRow, ChainChecker } from '../../src/integrity/chain.js';
import type { HeldObject, IntegrityFailure } from '../../src/integrity/failure.js';
import { compareProjections, listed } from '../../src/integrity/projections.js';
import { compareSnapshot } from '../../src/integrity/snapshots.js';
import { type VerifySource, verifyLog } from '../../src/integrity/verify.js';
import { GENESIS_HASH, rowHash } from '../../src/log/hash.js';
import type { ObjectsTable } from '../../src/log/schema.js';
import type { EntryBody, EntrySubject } from '../../src/model/entries.js';
import type { Namespace, Pod } from '../../src/model/types.js';
import { entryFromRow } from '../../src/projections/entry-row.js';
import { MemoryState } from '../../src/projections/memory-state.js';
import { objectRow } from '../../src/projections/object-row.js';

// ---- a small hand-built log: a namespace, two pods, a bind, a graceful delete ----

const namespace: Namespace = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'default', uid: 'ns-1', resourceVersion: '', creationTimestamp: '2015-12-09T10:34:18Z' },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
};

function pod(name: string, uid: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid, resourceVersion: '', creationTimestamp: '2015-12-09T10:34:18Z', labels: { run: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: { phase: 'Pending' },
  };
}

const nginx = { kind: 'Pod', namespace: 'default', name: 'nginx-abcde', uid: 'pod-1' } as const;
const other = { kind: 'Pod', namespace: 'default', name: 'nginx-fghij', uid: 'pod-2' } as const;

type Step = EntryBody & EntrySubject & { readonly cause?: number };

const STEPS: readonly Step[] = [
  { kind: 'Namespace', namespace: '', name: 'default', uid: 'ns-1', type: 'NamespaceCreated', data: { object: namespace } },
  { ...nginx, type: 'PodCreated', data: { object: pod(nginx.name, nginx.uid) } },
  { ...other, type: 'PodCreated', data: { object: pod(other.name, other.uid) } },
  { ...nginx, type: 'PodBound', data: { nodeName: '10.0.3.254' }, cause: 2 },
  { ...other, type: 'PodDeletionRequested', data: { deletionTimestamp: '2015-12-09T10:34:48Z', gracePeriodSeconds: 30 } },
  { ...nginx, type: 'PodDeletionRequested', data: { deletionTimestamp: '2015-12-09T10:34:49Z', gracePeriodSeconds: 30 } },
  { ...other, type: 'PodDeleted', data: {}, cause: 5 },
];

/** The rows the store would have appended for these steps, chained from genesis. */
function logOf(steps: readonly Step[]): StoredRow[] {
  let previous = GENESIS_HASH;
  return steps.map((step, i) => {
    const row = {
      seq: i + 1,
      time: 1_449_657_258_000 + i * 1000,
      actor: step.cause === undefined ? 'user:alice' : 'system:kubelet:10.0.3.254',
      type: step.type,
      kind: step.kind,
      namespace: step.namespace,
      name: step.name,
      uid: step.uid,
      cause: step.cause ?? null,
      data: JSON.stringify(step.data),
    };
    previous = rowHash(previous, row);
    return { ...row, hash: previous };
  });
}

function foldOf(rows: readonly StoredRow[]): MemoryState {
  return new MemoryState().apply(rows.map((r) => entryFromRow(r)));
}

/** The projection table as the store leaves it after these rows. */
function projectionOf(rows: readonly StoredRow[]): ObjectsTable[] {
  return [...foldOf(rows).held()].map((h) => objectRow(h.object, h.createdSeq));
}

function sourceOf(rows: readonly StoredRow[], objects = projectionOf(rows), snapshots = new Map<number, () => HeldObject[]>()): VerifySource {
  return {
    head: async () => rows.reduce((max, r) => Math.max(max, r.seq), 0),
    logPage: async (from, limit) => [...rows].filter((r) => r.seq >= from).sort((a, b) => a.seq - b.seq).slice(0, limit),
    objects: async function* () {
      yield* objects;
    },
    snapshotRevisions: async () => [...snapshots.keys()].sort((a, b) => a - b),
    snapshot: async (revision) => snapshots.get(revision)!(),
  };
}

const LOG = logOf(STEPS);
const COLUMNS = ['seq', 'time', 'actor', 'type', 'kind', 'namespace', 'name', 'uid', 'cause', 'data', 'hash'] as const;

/** One column of one row changed by the smallest edit that type allows. */
function tampered(rows: readonly StoredRow[], seq: number, column: (typeof COLUMNS)[number]): StoredRow[] {
  return rows.map((row) => {
    if (row.seq !== seq) return row;
    const value = row[column];
    if (column === 'seq') return { ...row, seq: row.seq + rows.length };
    if (typeof value === 'number') return { ...row, [column]: value + 1 };
    if (value === null) return { ...row, [column]: 0 };
    const at = Math.floor(value.length / 2);
    const flipped = value === '' ? 'x' : value.slice(0, at) + String.fromCharCode(value.charCodeAt(at) ^ 1) + value.slice(at + 1);
    return { ...row, [column]: flipped };
  });
}

function checkAll(rows: readonly StoredRow[]): IntegrityFailure | undefined {
  const checker = new ChainChecker();
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    const failure = checker.check(row);
    if (failure) return failure;
  }
  return undefined;
}

describe('the chain checker', () => {
  it('given rows appended by the store, then every row checks and the head hash is the last row\'s', () => {
    const checker = new ChainChecker();
    for (const row of LOG) expect(checker.check(row)).toBeUndefined();
    expect(checker.revision).toBe(LOG.length);
    expect(checker.headHash).toBe(LOG.at(-1)!.hash);
  });

  it('given an empty log, then nothing is checked and the head hash is genesis', () => {
    const checker = new ChainChecker();
    expect(checker.revision).toBe(0);
    expect(checker.headHash).toBe(GENESIS_HASH);
  });

  it.each(COLUMNS.flatMap((column) => LOG.map((row) => [row.seq, column] as const)))(
    'given revision %i with its %s changed, then the checker names that revision',
    (seq, column) => {
      // A renumbered row leaves its revision empty, and the walk meets the next row there
      // (the renumbered row itself when it was the last); any other edit changes what the row hashes to.
      const next = seq === LOG.length ? seq + LOG.length : seq + 1;
      const what =
        column !== 'seq'
          ? 'hash mismatch (row edited, or chain broken before it)'
          : seq === 1
            ? `missing: the log starts at revision ${next} (rows deleted, or a seq edited)`
            : `missing: the log jumps from revision ${seq - 1} to ${next} (rows deleted, or a seq edited)`;
      expect(checkAll(tampered(LOG, seq, column))).toEqual({ revision: seq, what });
    },
  );

  it('given a deleted row, then the gap is named by the missing revision', () => {
    expect(checkAll(LOG.filter((r) => r.seq !== 4))).toEqual({
      revision: 4,
      what: 'missing: the log jumps from revision 3 to 5 (rows deleted, or a seq edited)',
    });
  });

  it('given a row edited and its own hash recomputed, then the next row no longer chains from it', () => {
    const edited = LOG.map((r) => (r.seq === 3 ? { ...r, actor: 'user:mallory' } : r));
    const row3 = edited[2]!;
    edited[2] = { ...row3, hash: rowHash(LOG[1]!.hash, row3) };
    expect(checkAll(edited)?.revision).toBe(4);
  });

  it('given a row renumbered to 0, then it is reported as not a revision', () => {
    expect(checkAll(LOG.map((r) => (r.seq === 1 ? { ...r, seq: 0 } : r)))).toMatchObject({ revision: 0, what: expect.stringMatching(/^not a revision/) });
  });
});

describe('the projection comparison', () => {
  const live = projectionOf(LOG);
  const fold = () => foldOf(LOG).held();
  const byName = (name: string, change: (row: ObjectsTable) => ObjectsTable) => live.map((r) => (r.name === name ? change(r) : r));

  it('given the table the store wrote, then it matches the fold', async () => {
    expect(live.map((r) => r.name)).toEqual(['default', 'nginx-abcde']);
    expect(await compareProjections(fold(), live)).toEqual([]);
  });

  it('given a body with its keys in another order, then it still matches: bodies compare as JSON', async () => {
    const reordered = byName('nginx-abcde', (r) => ({ ...r, body: JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(r.body) as object).reverse())) }));
    expect(reordered[1]!.body).not.toBe(live[1]!.body);
    expect(await compareProjections(fold(), reordered)).toEqual([]);
  });

  it('given an edited body, then the object is named at its resourceVersion', async () => {
    const edited = byName('nginx-abcde', (r) => ({ ...r, body: r.body.replace('10.0.3.254', '10.0.3.253') }));
    expect(await compareProjections(fold(), edited)).toEqual([{ revision: 6, what: 'pod/default/nginx-abcde: body differs from the fold of the log' }]);
  });

  it('given a body that is not JSON, then the body differs', async () => {
    const edited = byName('nginx-abcde', (r) => ({ ...r, body: '{' }));
    expect(await compareProjections(fold(), edited)).toEqual([{ revision: 6, what: 'pod/default/nginx-abcde: body differs from the fold of the log' }]);
  });

  it.each([
    ['uid', 'pod-9'],
    ['resource_version', 5],
    ['created_seq', 3],
    ['node_name', null],
    ['owner_uid', 'rc-1'],
    ['involved_uid', 'x'],
    ['phase', 'Running'],
  ] as const)('given %s edited, then that column is named', async (column, value) => {
    const edited = byName('nginx-abcde', (r) => ({ ...r, [column]: value }));
    expect(await compareProjections(fold(), edited)).toEqual([{ revision: 6, what: `pod/default/nginx-abcde: ${column} differs from the fold of the log` }]);
  });

  it('given several columns edited, then all are named in the table\'s order', async () => {
    const edited = byName('nginx-abcde', (r) => ({ ...r, phase: 'Running', body: '{}', uid: 'u' }));
    expect((await compareProjections(fold(), edited))[0]?.what).toBe('pod/default/nginx-abcde: uid, phase and body differ from the fold of the log');
  });

  it('given a row missing and a row the log never made, then both are named, in revision order', async () => {
    const ghost = { ...live[1]!, name: 'ghost', resource_version: 2 };
    expect(await compareProjections(fold(), [ghost, live[1]!])).toEqual([
      { revision: 1, what: 'namespace/default: missing from the objects table' },
      { revision: 2, what: 'pod/default/ghost: in the objects table, but not in the fold of the log' },
    ]);
  });

  it('lists words as a sentence does', () => {
    expect([listed([]), listed(['a']), listed(['a', 'b']), listed(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});

describe('the snapshot comparison', () => {
  const atThree = () => [...foldOf(LOG.slice(0, 3)).held()];

  it('given a snapshot of the fold at its revision, decoded from JSON, then it matches', () => {
    const decoded = JSON.parse(JSON.stringify(atThree())) as HeldObject[];
    expect(compareSnapshot(3, decoded, atThree())).toEqual([]);
  });

  it('given a fold whose objects hold undefined properties, then a snapshot without them still matches', () => {
    const held = atThree().map((h) => ({ ...h, object: { ...h.object, extra: undefined } as unknown as Pod }));
    expect(compareSnapshot(3, atThree(), held)).toEqual([]);
  });

  it('given an object changed, one missing, one extra and a wrong createdSeq, then each is named at the snapshot\'s revision', () => {
    const [ns, first, second] = atThree() as [HeldObject, HeldObject, HeldObject];
    const changed = { ...first, object: { ...first.object, metadata: { ...first.object.metadata, labels: { run: 'x' } } } };
    const extra = { object: pod('stray', 'pod-3'), createdSeq: 3 };
    const snapshot = [changed, { ...ns, createdSeq: 2 }, extra];
    expect(compareSnapshot(3, snapshot, [ns, first, second])).toEqual([
      { revision: 3, what: 'snapshot: pod/default/nginx-abcde differs from the fold of the log' },
      { revision: 3, what: 'snapshot: namespace/default differs from the fold of the log' },
      { revision: 3, what: 'snapshot: pod/default/stray is in the snapshot, but not in the fold of the log' },
      { revision: 3, what: 'snapshot: pod/default/nginx-fghij is missing from the snapshot' },
    ]);
  });
});

describe('verifyLog', () => {
  it('given an intact log, projections and a snapshot, then it reports the entries and no failure', async () => {
    const snapshots = new Map([[3, () => [...foldOf(LOG.slice(0, 3)).held()]]]);
    const progress: number[] = [];
    const report = await verifyLog(sourceOf(LOG, undefined, snapshots), { pageSize: 2, onProgress: (checked) => progress.push(checked) });
    expect(report).toEqual({ entries: 7, headHash: LOG.at(-1)!.hash, snapshots: 1, failures: [] });
    expect(progress).toEqual([2, 4, 6, 7]);
  });

  it('given a snapshot of one revision filed under the next, then it fails there: each snapshot meets the fold at its own revision', async () => {
    const snapshots = new Map([[4, () => [...foldOf(LOG.slice(0, 3)).held()]]]);
    const report = await verifyLog(sourceOf(LOG, undefined, snapshots));
    expect(report.failures).toEqual([{ revision: 4, what: 'snapshot: pod/default/nginx-abcde differs from the fold of the log' }]);
  });

  it('given a snapshot beyond the log and one that cannot be decoded, then both are reported with the projections\' failures, in order', async () => {
    const snapshots = new Map<number, () => HeldObject[]>([
      [2, () => JSON.parse('x') as HeldObject[]],
      [9, () => []],
    ]);
    const report = await verifyLog(sourceOf(LOG, projectionOf(LOG).slice(1), snapshots));
    expect(report.failures.map((f) => f.revision)).toEqual([1, 2, 9]);
    expect(report.failures[1]?.what).toMatch(/^snapshot cannot be decoded: /);
    expect(report.failures[2]?.what).toBe('snapshot is beyond the end of the log (revision 7)');
  });

  it('given a tampered row, then the walk stops there: snapshots before it are still judged, nothing after it is', async () => {
    const snapshots = new Map([
      [2, () => []],
      [6, () => []],
    ]);
    const report = await verifyLog(sourceOf(tampered(LOG, 5, 'data'), [], snapshots));
    expect(report).toMatchObject({
      entries: 4,
      failures: [
        { revision: 2, what: 'snapshot: namespace/default is missing from the snapshot' },
        { revision: 2, what: 'snapshot: pod/default/nginx-abcde is missing from the snapshot' },
        { revision: 5, what: 'hash mismatch (row edited, or chain broken before it)' },
      ],
    });
  });

  it('given a chain rebuilt over an entry the fold refuses, then the walk stops at that entry', async () => {
    const rows = logOf([STEPS[0]!, STEPS[3]!]);
    const report = await verifyLog(sourceOf(rows, []));
    expect(report.failures).toEqual([
      { revision: 2, what: 'the fold of the log fails: entry 2 (PodBound) concerns Pod default/nginx-abcde, which does not exist' },
    ]);
  });

  it('given an empty log and table, then it verifies nothing and finds nothing wrong', async () => {
    expect(await verifyLog(sourceOf([], []))).toEqual({ entries: 0, headHash: GENESIS_HASH, snapshots: 0, failures: [] });
  });
});
