import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  formatChange,
  formatValue,
  printAudit,
  printCauseChain,
  printEntriesJson,
  printEntriesYaml,
  printHistory,
  printStateDiff,
} from '../../cli/printers/audit.js';
import type { Entry, EntryBody } from '../../src/model/entries.js';
import type { Pod } from '../../src/model/types.js';

const T = Date.parse('2015-12-09T10:34:16Z');
const rcSubject = { kind: 'ReplicationController' as const, namespace: 'default', name: 'nginx', uid: 'rc1' };
const podSubject = { kind: 'Pod' as const, namespace: 'default', name: 'nginx-abcde', uid: 'p1' };
const nodeSubject = { kind: 'Node' as const, namespace: '', name: '10.0.3.254', uid: 'n1' };

function entry(seq: number, actor: string, cause: number | null, body: EntryBody, subject: Omit<Entry, keyof EntryBody | 'seq' | 'time' | 'actor' | 'cause'>): Entry {
  return { ...body, ...subject, seq, time: T + seq * 1000, actor, cause } as Entry;
}

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx-abcde', namespace: 'default', uid: 'p1', resourceVersion: '', creationTimestamp: '2015-12-09T10:34:21Z' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
  status: { phase: 'Pending' },
};

const scaled = entry(4, 'user:alice', null, { type: 'ReplicationControllerScaled', data: { replicas: 3 } }, rcSubject);
const created = entry(5, 'system:replication-controller', 4, { type: 'PodCreated', data: { object: pod } }, podSubject);
const bound = entry(7, 'system:scheduler', 5, { type: 'PodBound', data: { nodeName: '10.0.3.254' } }, podSubject);
const pulled = entry(12, 'system:kubelet:10.0.3.254', 7, { type: 'NodeImagePulled', data: { image: { names: ['nginx'], sizeBytes: 1 } } }, nodeSubject);

describe('printAudit', () => {
  it('given entries, then a header and one aligned line each, with no trailing spaces', () => {
    expect(printAudit([scaled, created, pulled])).toBe(
      [
        'REVISION   TIME                       ACTOR                           ACTION                        OBJECT                                DETAIL',
        '4          2015-12-09T10:34:20.000Z   user:alice                      ReplicationControllerScaled   replicationcontroller/default/nginx   replicas=3',
        '5          2015-12-09T10:34:21.000Z   system:replication-controller   PodCreated                    pod/default/nginx-abcde               image=nginx',
        '12         2015-12-09T10:34:28.000Z   system:kubelet:10.0.3.254       NodeImagePulled               node/10.0.3.254                       image=nginx',
        '',
      ].join('\n'),
    );
  });

  it('given an entry without a detail, then its line ends at the object', () => {
    const deleted = entry(9, 'user:alice', null, { type: 'PodDeleted', data: {} }, podSubject);
    expect(printAudit([deleted]).split('\n')[1]).toBe('9          2015-12-09T10:34:25.000Z   user:alice   PodDeleted   pod/default/nginx-abcde');
  });
});

describe('printEntriesJson and printEntriesYaml', () => {
  it('given entries, then an array of them with the log columns in order', () => {
    const json = printEntriesJson([bound]);
    expect(JSON.parse(json)).toEqual([
      { seq: 7, time: T + 7000, actor: 'system:scheduler', type: 'PodBound', kind: 'Pod', namespace: 'default', name: 'nginx-abcde', uid: 'p1', cause: 5, data: { nodeName: '10.0.3.254' } },
    ]);
    expect(Object.keys((JSON.parse(json) as object[])[0]!)).toEqual(['seq', 'time', 'actor', 'type', 'kind', 'namespace', 'name', 'uid', 'cause', 'data']);
    expect(json.endsWith(']\n')).toBe(true);
  });

  it('given no entries, then an empty array', () => {
    expect(printEntriesJson([])).toBe('[]\n');
  });

  it('given entries, then YAML that reads back as the same array', () => {
    expect(parseYaml(printEntriesYaml([bound, scaled]))).toEqual(JSON.parse(printEntriesJson([bound, scaled])));
  });
});

describe('printCauseChain', () => {
  it('given a chain, then the start first and each cause below it behind an arrow', () => {
    expect(printCauseChain([bound, created, scaled])).toBe(
      [
        '  7       2015-12-09T10:34:23.000Z   system:scheduler                PodBound                      pod/default/nginx-abcde               node=10.0.3.254',
        '← 5       2015-12-09T10:34:21.000Z   system:replication-controller   PodCreated                    pod/default/nginx-abcde               image=nginx',
        '← 4       2015-12-09T10:34:20.000Z   user:alice                      ReplicationControllerScaled   replicationcontroller/default/nginx   replicas=3',
        '',
      ].join('\n'),
    );
  });
});

describe('printHistory', () => {
  it('given two incarnations, then each under its uid, with the changes of each entry indented', () => {
    const text = printHistory('pod/default/nginx-abcde', [
      {
        uid: 'p1',
        steps: [
          { entry: created, changes: [] },
          { entry: bound, changes: [{ op: 'added', path: 'spec.nodeName', value: '10.0.3.254' }] },
        ],
      },
      { uid: 'p2', steps: [{ entry: { ...created, seq: 20, uid: 'p2' } as Entry, changes: [] }] },
    ]);
    expect(text).toBe(
      [
        'pod/default/nginx-abcde uid=p1',
        'REVISION   TIME                       ACTOR                           ACTION       DETAIL',
        '5          2015-12-09T10:34:21.000Z   system:replication-controller   PodCreated   image=nginx',
        '7          2015-12-09T10:34:23.000Z   system:scheduler                PodBound     node=10.0.3.254',
        '    + spec.nodeName: 10.0.3.254',
        '',
        'pod/default/nginx-abcde uid=p2',
        'REVISION   TIME                       ACTOR                           ACTION       DETAIL',
        '20         2015-12-09T10:34:21.000Z   system:replication-controller   PodCreated   image=nginx',
        '',
      ].join('\n'),
    );
  });
});

describe('printStateDiff', () => {
  it('given created, deleted and changed objects, then one line each and the changed fields', () => {
    const older = { ...pod, metadata: { ...pod.metadata, name: 'nginx-zzzzz', uid: 'p0' } };
    const text = printStateDiff({
      from: { revision: 3, time: T + 3000 },
      to: { revision: 12, time: T + 12000 },
      changes: [
        { op: 'deleted', object: older },
        { op: 'created', object: pod },
        { op: 'changed', before: pod, after: { ...pod, status: { phase: 'Running' } }, changes: [{ op: 'changed', path: 'status.phase', from: 'Pending', to: 'Running' }] },
      ],
    });
    expect(text).toBe(
      [
        'from revision 3 (2015-12-09T10:34:19.000Z) to revision 12 (2015-12-09T10:34:28.000Z)',
        'deleted  pod/default/nginx-zzzzz',
        'created  pod/default/nginx-abcde',
        'changed  pod/default/nginx-abcde',
        '      status.phase: Pending → Running',
        '',
      ].join('\n'),
    );
  });
});

describe('formatChange and formatValue', () => {
  it('given each kind of change, then changed unmarked, added with +, removed with -', () => {
    expect(formatChange({ op: 'changed', path: 'spec.replicas', from: 1, to: 3 })).toBe('      spec.replicas: 1 → 3');
    expect(formatChange({ op: 'added', path: 'metadata.deletionTimestamp', value: '2015-12-09T10:35:00Z' })).toBe('    + metadata.deletionTimestamp: 2015-12-09T10:35:00Z');
    expect(formatChange({ op: 'removed', path: 'status.podIP', value: '172.17.0.2' })).toBe('    - status.podIP: 172.17.0.2');
  });

  it('given values that would read ambiguously bare, then they are quoted as JSON', () => {
    expect(formatValue('Running')).toBe('Running');
    expect(formatValue('')).toBe('""');
    expect(formatValue(' padded')).toBe('" padded"');
    expect(formatValue('two\nlines')).toBe('"two\\nlines"');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(false)).toBe('false');
    expect(formatValue({})).toBe('{}');
  });
});
