import { describe, expect, it } from 'vitest';
import { fieldChanges } from '../../src/audit/field-diff.js';
import { diffStates } from '../../src/audit/state-diff.js';
import type { Event, KubeObject, Pod, ReplicationController } from '../../src/model/types.js';

const rc: ReplicationController = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'nginx', namespace: 'default', uid: 'rc-1', resourceVersion: '4', generation: 1, creationTimestamp: '2015-12-09T10:34:16Z', labels: { run: 'nginx' } },
  spec: { replicas: 1, selector: { run: 'nginx' }, template: { metadata: { labels: { run: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  status: { replicas: 1, observedGeneration: 1 },
};

function pod(name: string, uid: string, changes: Partial<Pod> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid, resourceVersion: '5', creationTimestamp: '2015-12-09T10:34:16Z' },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: { phase: 'Pending' },
    ...changes,
  };
}

const event: Event = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'nginx-abcde.1', namespace: 'default', uid: 'ev-1', resourceVersion: '9', creationTimestamp: '2015-12-09T10:34:16Z' },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx-abcde', uid: 'p-1', apiVersion: 'v1' },
  reason: 'Scheduled',
  message: 'Successfully assigned nginx-abcde to 10.0.3.254',
  source: { component: 'scheduler' },
  firstTimestamp: '2015-12-09T10:34:16Z',
  lastTimestamp: '2015-12-09T10:34:16Z',
  count: 1,
  type: 'Normal',
};

describe('fieldChanges', () => {
  it('given an RC, when it is scaled, then generation and replicas change and resourceVersion is ignored', () => {
    const scaled = { ...rc, metadata: { ...rc.metadata, resourceVersion: '38', generation: 2 }, spec: { ...rc.spec, replicas: 3 } };
    expect(fieldChanges(rc, scaled)).toEqual([
      { op: 'changed', path: 'metadata.generation', from: 1, to: 2 },
      { op: 'changed', path: 'spec.replicas', from: 1, to: 3 },
    ]);
  });

  it('given two equal objects but for their resourceVersion, then nothing changed', () => {
    expect(fieldChanges(rc, { ...rc, metadata: { ...rc.metadata, resourceVersion: '99' } })).toEqual([]);
  });

  it('given a pod, when a field appears and another goes, then one is added and one removed, as leaves', () => {
    const before = pod('p', 'u', { status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] } });
    const after = { ...pod('p', 'u'), metadata: { ...before.metadata, deletionTimestamp: '2015-12-09T10:35:00Z' } };
    expect(fieldChanges(before, after)).toEqual([
      { op: 'added', path: 'metadata.deletionTimestamp', value: '2015-12-09T10:35:00Z' },
      { op: 'removed', path: 'status.conditions[0].type', value: 'Ready' },
      { op: 'removed', path: 'status.conditions[0].status', value: 'False' },
    ]);
  });

  it('given nested arrays and objects, then paths index arrays and quote keys that are not identifiers', () => {
    const before = { metadata: { annotations: {} }, status: { containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }] } };
    const after = {
      metadata: { annotations: { 'kubelog.io/infra-container-id': 'docker://aa' } },
      status: { containerStatuses: [{ state: { running: { startedAt: 'T' } } }] },
    };
    expect(fieldChanges(before, after)).toEqual([
      { op: 'removed', path: 'metadata.annotations', value: {} },
      { op: 'added', path: 'metadata.annotations["kubelog.io/infra-container-id"]', value: 'docker://aa' },
      { op: 'removed', path: 'status.containerStatuses[0].state.waiting.reason', value: 'ContainerCreating' },
      { op: 'added', path: 'status.containerStatuses[0].state.running.startedAt', value: 'T' },
    ]);
  });

  it('given empty objects on both sides, then they are equal', () => {
    expect(fieldChanges({ lastState: {} }, { lastState: {} })).toEqual([]);
  });

  it('given a scalar that becomes null or another type, then it is a change of value', () => {
    expect(fieldChanges({ a: 'x', b: 1 }, { a: null, b: '1' })).toEqual([
      { op: 'changed', path: 'a', from: 'x', to: null },
      { op: 'changed', path: 'b', from: 1, to: '1' },
    ]);
  });
});

describe('diffStates', () => {
  const ids = (changes: ReturnType<typeof diffStates>) =>
    changes.map((c) => `${c.op} ${c.op === 'changed' ? c.after.metadata.name : c.object.metadata.name}`);

  it('given a pod deleted and another created, then one deletion and one creation', () => {
    const before: KubeObject[] = [rc, pod('nginx-aaaaa', 'p-1')];
    const after: KubeObject[] = [rc, pod('nginx-bbbbb', 'p-2')];
    expect(ids(diffStates(before, after))).toEqual(['deleted nginx-aaaaa', 'created nginx-bbbbb']);
  });

  it('given a name taken again by a new uid, then the old object was deleted and a new one created', () => {
    expect(ids(diffStates([pod('solo', 'u-1')], [pod('solo', 'u-2')]))).toEqual(['deleted solo', 'created solo']);
  });

  it('given an object changed beyond its resourceVersion, then it is changed with its fields', () => {
    const scaled = { ...rc, metadata: { ...rc.metadata, resourceVersion: '38' }, spec: { ...rc.spec, replicas: 3 } };
    const [change, ...rest] = diffStates([rc], [scaled]);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ op: 'changed', changes: [{ op: 'changed', path: 'spec.replicas', from: 1, to: 3 }] });
  });

  it('given only a new resourceVersion, then nothing is listed', () => {
    expect(diffStates([rc], [{ ...rc, metadata: { ...rc.metadata, resourceVersion: '40' } }])).toEqual([]);
  });

  it('given Events, then they are left out unless included or asked for by kind', () => {
    expect(ids(diffStates([], [event, pod('p', 'u')]))).toEqual(['created p']);
    expect(ids(diffStates([], [event, pod('p', 'u')], { includeEvents: true }))).toEqual(['created p', 'created nginx-abcde.1']);
    expect(ids(diffStates([], [event, pod('p', 'u')], { kind: 'Event' }))).toEqual(['created nginx-abcde.1']);
  });

  it('given several kinds, then RCs come before pods, and names in order', () => {
    const after = [pod('b', 'u-b'), pod('a', 'u-a'), rc];
    expect(ids(diffStates([], after))).toEqual(['created nginx', 'created a', 'created b']);
  });
});
