import { describe, expect, it } from 'vitest';
import { causeChain, isUserRequest } from '../../src/audit/cause-chain.js';
import type { Entry, EntryBody, EntrySubject } from '../../src/model/entries.js';
import type { Pod } from '../../src/model/types.js';

const podSubject = { kind: 'Pod' as const, namespace: 'default', name: 'nginx-abcde', uid: 'p1' };
const rcSubject = { kind: 'ReplicationController' as const, namespace: 'default', name: 'nginx', uid: 'rc1' };

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx-abcde', namespace: 'default', uid: 'p1', resourceVersion: '', creationTimestamp: 'T' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
  status: { phase: 'Pending' },
};

function entry(seq: number, actor: string, cause: number | null, body: EntryBody, subject: EntrySubject = podSubject): Entry {
  return { ...body, ...subject, seq, time: seq * 1000, actor, cause } as Entry;
}

// A scale as the log records it: the user's request, then each component reacting to the entry before.
const log = [
  entry(4, 'user:alice', null, { type: 'ReplicationControllerScaled', data: { replicas: 3 } }, rcSubject),
  entry(5, 'system:replication-controller', 4, { type: 'PodCreated', data: { object: pod } }),
  entry(7, 'system:scheduler', 5, { type: 'PodBound', data: { nodeName: '10.0.3.254' } }),
  entry(9, 'system:kubelet:10.0.3.254', 7, { type: 'PodSandboxStarted', data: { hostIP: '10.0.3.254', podIP: '172.17.0.2', startTime: 'T', sandboxID: 'd' } }),
  entry(12, 'system:kubelet:10.0.3.254', 9, { type: 'PodReady', data: { transitionTime: 'T' } }),
];
const bySeq = new Map(log.map((e) => [e.seq, e]));
const lookup = async (seq: number) => bySeq.get(seq);

describe('causeChain', () => {
  it('given a pod made Ready, when its causes are followed, then they lead back to the user request, most recent first', async () => {
    const chain = await causeChain(bySeq.get(12)!, lookup);
    expect(chain.map((e) => e.seq)).toEqual([12, 9, 7, 5, 4]);
    expect(isUserRequest(chain[chain.length - 1]!)).toBe(true);
  });

  it('given a user request, then the chain is that entry alone', async () => {
    expect((await causeChain(bySeq.get(4)!, lookup)).map((e) => e.seq)).toEqual([4]);
  });

  it('given a component entry with no cause, then the chain ends there and is not a user request', async () => {
    const orphan = entry(20, 'system:kubelet:10.0.3.254', null, { type: 'PodReady', data: { transitionTime: 'T' } });
    const chain = await causeChain(orphan, lookup);
    expect(chain).toEqual([orphan]);
    expect(isUserRequest(orphan)).toBe(false);
  });

  it('given a cause missing from the log, then an error names both entries', async () => {
    const dangling = entry(30, 'system:scheduler', 29, { type: 'PodBound', data: { nodeName: 'n' } });
    await expect(causeChain(dangling, lookup)).rejects.toThrow('entry 30 names entry 29 as its cause');
  });

  it('given a cause that is not earlier than the entry, then an error instead of a loop', async () => {
    const loop = entry(40, 'system:scheduler', 40, { type: 'PodBound', data: { nodeName: 'n' } });
    await expect(causeChain(loop, async () => loop)).rejects.toThrow('not an earlier entry');
  });
});
