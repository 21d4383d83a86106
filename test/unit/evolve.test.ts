import { describe, expect, it } from 'vitest';
import type { Entry, EntryBody } from '../../src/model/entries.js';
import type { Pod } from '../../src/model/types.js';
import { evolve, SANDBOX_ANNOTATION } from '../../src/projections/evolve.js';
import { foldEntries } from '../../src/projections/rebuild.js';

const subject = { kind: 'Pod' as const, namespace: 'default', name: 'nginx-abcde', uid: 'u1' };
let seq = 0;
function entry(body: EntryBody): Entry {
  return { ...body, ...subject, seq: ++seq, time: 0, actor: 'test', cause: null } as Entry;
}

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx-abcde', namespace: 'default', uid: 'u1', resourceVersion: '', creationTimestamp: '2015-12-09T10:34:18Z', labels: { run: 'nginx' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
  status: { phase: 'Pending' },
};

describe('evolve (the pod reducer)', () => {
  it('given a pod, when created, bound, sandboxed, started and ready, then it is Running and Ready with the chosen ids', () => {
    const entries = [
      entry({ type: 'PodCreated', data: { object: pod } }),
      entry({ type: 'PodBound', data: { nodeName: '10.0.3.254' } }),
      entry({ type: 'PodSandboxStarted', data: { hostIP: '10.0.3.254', podIP: '172.17.0.2', startTime: '2015-12-09T10:34:18Z', sandboxID: 'docker://aa' } }),
      entry({
        type: 'ContainerStarted',
        data: {
          status: { name: 'nginx', state: { running: { startedAt: '2015-12-09T10:34:18Z' } }, lastState: {}, ready: true, restartCount: 0, image: 'nginx', imageID: 'docker://ii', containerID: 'docker://cc' },
        },
      }),
      entry({ type: 'PodReady', data: { transitionTime: '2015-12-09T10:34:19Z' } }),
    ];
    const state = entries.reduce<ReturnType<typeof evolve>>((s, e) => evolve(s, e), undefined) as Pod;
    expect(state.spec.nodeName).toBe('10.0.3.254');
    expect(state.status).toMatchObject({ phase: 'Running', podIP: '172.17.0.2', hostIP: '10.0.3.254', startTime: '2015-12-09T10:34:18Z' });
    expect(state.status.conditions).toEqual([{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2015-12-09T10:34:19Z' }]);
    expect(state.status.containerStatuses?.[0]).toMatchObject({ ready: true, containerID: 'docker://cc' });
    expect(state.metadata.annotations?.[SANDBOX_ANNOTATION]).toBe('docker://aa');
    expect(state.metadata.resourceVersion).toBe(String(entries.at(-1)!.seq));
  });

  it('given a sandboxed pod, then its containers wait in ContainerCreating and it is not Ready', () => {
    const state = [
      entry({ type: 'PodCreated', data: { object: pod } }),
      entry({ type: 'PodSandboxStarted', data: { hostIP: 'h', podIP: 'p', startTime: 't', sandboxID: 's' } }),
    ].reduce<ReturnType<typeof evolve>>((s, e) => evolve(s, e), undefined) as Pod;
    expect(state.status.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(state.status.conditions?.[0]?.status).toBe('False');
  });

  it('given a pod, when deletion is requested, then it carries deletionTimestamp; when deleted, then it is gone', () => {
    const created = evolve(undefined, entry({ type: 'PodCreated', data: { object: pod } }));
    const terminating = evolve(created, entry({ type: 'PodDeletionRequested', data: { deletionTimestamp: '2015-12-09T10:34:48Z', gracePeriodSeconds: 30 } })) as Pod;
    expect(terminating.metadata).toMatchObject({ deletionTimestamp: '2015-12-09T10:34:48Z', deletionGracePeriodSeconds: 30 });
    expect(evolve(terminating, entry({ type: 'PodDeleted', data: {} }))).toBeUndefined();
  });

  it('when an entry concerns a pod that does not exist, then the fold refuses it rather than invent one', () => {
    expect(() => evolve(undefined, entry({ type: 'PodBound', data: { nodeName: 'n' } }))).toThrow(/does not exist/);
  });

  it('given entries for several objects, then foldEntries keeps each by kind, namespace and name', () => {
    const other = { ...subject, name: 'other', uid: 'u2' };
    const state = foldEntries([
      entry({ type: 'PodCreated', data: { object: pod } }),
      { ...entry({ type: 'PodCreated', data: { object: { ...pod, metadata: { ...pod.metadata, name: 'other', uid: 'u2' } } } }), ...other },
      entry({ type: 'PodDeleted', data: {} }),
    ]);
    expect([...state.keys()]).toEqual(['Pod/default/other']);
  });
});
