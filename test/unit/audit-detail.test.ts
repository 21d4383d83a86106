import { describe, expect, it } from 'vitest';
import { entryDetail, MAX_DETAIL } from '../../src/audit/detail.js';
import type { Entry, EntryBody } from '../../src/model/entries.js';
import type { Event, Pod } from '../../src/model/types.js';

function entry(body: EntryBody, kind: Entry['kind'] = 'Pod'): Entry {
  return { ...body, kind, namespace: 'default', name: 'nginx-abcde', uid: 'u1', seq: 1, time: 0, actor: 'user:alice', cause: null } as Entry;
}

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx-abcde', namespace: 'default', uid: 'u1', resourceVersion: '', creationTimestamp: '2015-12-09T10:34:16Z' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'busybox' }] },
  status: { phase: 'Pending' },
};

function event(message: string): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'nginx-abcde.1', namespace: 'default', uid: 'e1', resourceVersion: '', creationTimestamp: '2015-12-09T10:34:16Z' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx-abcde', uid: 'u1', apiVersion: 'v1' },
    reason: 'Scheduled',
    message,
    source: { component: 'scheduler' },
    firstTimestamp: '2015-12-09T10:34:16Z',
    lastTimestamp: '2015-12-09T10:34:16Z',
    count: 1,
    type: 'Normal',
  };
}

describe('entryDetail', () => {
  it('given a scale, then the new replica count', () => {
    expect(entryDetail(entry({ type: 'ReplicationControllerScaled', data: { replicas: 3 } }, 'ReplicationController'))).toBe('replicas=3');
  });

  it('given a binding, then the node', () => {
    expect(entryDetail(entry({ type: 'PodBound', data: { nodeName: '10.0.3.254' } }))).toBe('node=10.0.3.254');
  });

  it('given a started sandbox, then the pod IP', () => {
    const data = { hostIP: '10.0.3.254', podIP: '172.17.0.2', startTime: '2015-12-09T10:34:18Z', sandboxID: 'docker://aa' };
    expect(entryDetail(entry({ type: 'PodSandboxStarted', data }))).toBe('ip=172.17.0.2');
  });

  it('given a created pod with two containers, then both images', () => {
    expect(entryDetail(entry({ type: 'PodCreated', data: { object: pod } }))).toBe('image=nginx,busybox');
  });

  it('given a recorded Event, then its reason and message', () => {
    expect(entryDetail(entry({ type: 'EventRecorded', data: { object: event('Successfully assigned nginx-abcde to 10.0.3.254') } }, 'Event'))).toBe(
      'Scheduled: Successfully assigned nginx-abcde to 10.0.3.254',
    );
  });

  it('given a message with newlines and tabs, then one line with single spaces', () => {
    expect(entryDetail(entry({ type: 'EventRecorded', data: { object: event('line one\n\tline  two') } }, 'Event'))).toBe('Scheduled: line one line two');
  });

  it('given a very long message, then it is cut to the limit with an ellipsis', () => {
    const detail = entryDetail(entry({ type: 'EventRecorded', data: { object: event('x'.repeat(500)) } }, 'Event'));
    expect(detail).toHaveLength(MAX_DETAIL);
    expect(detail.endsWith('...')).toBe(true);
  });

  it('given an entry that carries nothing to say, then an empty detail', () => {
    expect(entryDetail(entry({ type: 'PodDeleted', data: {} }))).toBe('');
    expect(entryDetail(entry({ type: 'PodReady', data: { transitionTime: '2015-12-09T10:34:19Z' } }))).toBe('');
  });

  it('given a deletion request, then its grace period', () => {
    expect(entryDetail(entry({ type: 'PodDeletionRequested', data: { deletionTimestamp: '2015-12-09T10:35:00Z', gracePeriodSeconds: 30 } }))).toBe('grace=30s');
  });
});
