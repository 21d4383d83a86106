import { describe, expect, it } from 'vitest';
import { actorOf, entryTypeOf, logQuery } from '../../src/audit/audit-query.js';
import { objectHistory } from '../../src/audit/history.js';
import { objectRef } from '../../src/audit/object-ref.js';
import type { Entry, EntryBody } from '../../src/model/entries.js';
import type { Pod } from '../../src/model/types.js';

function pod(uid: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'solo', namespace: 'default', uid, resourceVersion: '', creationTimestamp: '2015-12-09T10:34:16Z' },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Pending' },
  };
}

let seq = 0;
function entry(uid: string, body: EntryBody, actor = 'system:scheduler'): Entry {
  return { ...body, kind: 'Pod', namespace: 'default', name: 'solo', uid, seq: ++seq, time: seq, actor, cause: null } as Entry;
}

describe('objectHistory', () => {
  it('given a pod created, bound and deleted, then each entry with the fields it changed', () => {
    const history = objectHistory([
      entry('u1', { type: 'PodCreated', data: { object: pod('u1') } }, 'user:alice'),
      entry('u1', { type: 'PodBound', data: { nodeName: '10.0.3.254' } }),
      entry('u1', { type: 'PodDeletionRequested', data: { deletionTimestamp: '2015-12-09T10:35:00Z', gracePeriodSeconds: 30 } }, 'user:alice'),
      entry('u1', { type: 'PodDeleted', data: {} }, 'system:kubelet:10.0.3.254'),
    ]);
    expect(history).toHaveLength(1);
    expect(history[0]!.uid).toBe('u1');
    expect(history[0]!.steps.map((s) => [s.entry.type, s.changes])).toEqual([
      ['PodCreated', []],
      ['PodBound', [{ op: 'added', path: 'spec.nodeName', value: '10.0.3.254' }]],
      [
        'PodDeletionRequested',
        [
          { op: 'added', path: 'metadata.deletionTimestamp', value: '2015-12-09T10:35:00Z' },
          { op: 'added', path: 'metadata.deletionGracePeriodSeconds', value: 30 },
        ],
      ],
      ['PodDeleted', []],
    ]);
  });

  it('given a name reused after a deletion, then two incarnations, each folded from nothing', () => {
    const history = objectHistory([
      entry('u1', { type: 'PodCreated', data: { object: pod('u1') } }),
      entry('u1', { type: 'PodDeleted', data: {} }),
      entry('u2', { type: 'PodCreated', data: { object: pod('u2') } }),
      entry('u2', { type: 'PodBound', data: { nodeName: 'n' } }),
    ]);
    expect(history.map((i) => [i.uid, i.steps.length])).toEqual([
      ['u1', 2],
      ['u2', 2],
    ]);
    expect(history[1]!.steps[1]!.changes).toEqual([{ op: 'added', path: 'spec.nodeName', value: 'n' }]);
  });
});

describe('audit filters', () => {
  it('given a bare name, then it is a user; a full actor stays as written', () => {
    expect(actorOf('alice')).toBe('user:alice');
    expect(actorOf('user:bob')).toBe('user:bob');
    expect(actorOf('system:scheduler')).toBe('system:scheduler');
  });

  it('given an entry type in any case, then its canonical name; an unknown one is refused', () => {
    expect(entryTypeOf('podcreated')).toBe('PodCreated');
    expect(() => entryTypeOf('PodExploded')).toThrow('unknown entry type "PodExploded"');
  });

  it('given revision and time bounds, then the log query bounds seq and time inclusively', () => {
    expect(logQuery({ since: { revision: 5 }, until: { revision: 9 }, actor: 'user:alice' })).toEqual({ after: 4, upTo: 9, actor: 'user:alice' });
    expect(logQuery({ since: { time: 1000 }, until: { time: 2000 }, kind: 'Pod', namespace: 'default', name: 'x' })).toEqual({
      since: 1000,
      until: 2000,
      kind: 'Pod',
      namespace: 'default',
      name: 'x',
    });
  });

  it('given subjects with and without a namespace, then their references', () => {
    expect(objectRef({ kind: 'Pod', namespace: 'default', name: 'nginx-abcde' })).toBe('pod/default/nginx-abcde');
    expect(objectRef({ kind: 'Node', namespace: '', name: '10.0.3.254' })).toBe('node/10.0.3.254');
  });
});
