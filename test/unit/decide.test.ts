import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/api/commands.js';
import { decide, eventKey, type Proposed, reads } from '../../src/api/decide.js';
import { runCommand } from '../../src/api/requests.js';
import type { Entry } from '../../src/model/entries.js';
import type { KubeObject, Pod, ReplicationController } from '../../src/model/types.js';
import { evolve } from '../../src/projections/evolve.js';
import { countingIds, errorOf, stateOf } from '../support/fixtures.js';

const now = new Date('2015-12-09T10:34:18.250Z');
const env = () => ({ now, ids: countingIds() });

function apply(state: KubeObject | undefined, proposed: readonly Proposed[]): KubeObject | undefined {
  return proposed.reduce<KubeObject | undefined>(
    (s, p, i) => evolve(s, { ...p, seq: 10 + i, time: now.getTime(), actor: 'user:test', cause: null } as Entry),
    state,
  );
}

function created<T extends KubeObject>(command: Command, ...existing: KubeObject[]): T {
  return apply(undefined, decide(command, stateOf(...existing), env())) as T;
}

const defaultNs = created<KubeObject>({ type: 'CreateNamespace', name: 'default' });
const nginxRC = created<ReplicationController>(runCommand({ name: 'nginx', image: 'nginx', replicas: 1, namespace: 'default' }), defaultNs);


describe('decide', () => {
  it('given a namespace, when kubectl run, then an RC with run=NAME labels, selector and template, version of its entry', () => {
    expect(nginxRC.metadata).toMatchObject({ name: 'nginx', namespace: 'default', labels: { run: 'nginx' }, resourceVersion: '10', generation: 1, creationTimestamp: '2015-12-09T10:34:18Z' });
    expect(nginxRC.spec.selector).toEqual({ run: 'nginx' });
    expect(nginxRC.spec.template.metadata.labels).toEqual({ run: 'nginx' });
    expect(nginxRC.spec.template.spec.containers).toEqual([expect.objectContaining({ name: 'nginx', image: 'nginx' })]);
    expect(nginxRC.status.replicas).toBe(0);
  });

  it('given no namespace, when an RC is created in it, then namespaces "x" not found', () => {
    const error = errorOf(() => decide(runCommand({ name: 'nginx', image: 'nginx', replicas: 1, namespace: 'x' }), stateOf(defaultNs), env()));
    expect(error.code).toBe('NotFound');
    expect(error.message).toBe('namespaces "x" not found');
  });

  it('given an RC, when the same name is created again, then already exists', () => {
    const error = errorOf(() => decide(runCommand({ name: 'nginx', image: 'nginx', replicas: 1, namespace: 'default' }), stateOf(defaultNs, nginxRC), env()));
    expect(error.message).toBe('replicationcontrollers "nginx" already exists');
  });

  it('when an RC with an invalid name is created, then Invalid naming the field', () => {
    const error = errorOf(() => decide(runCommand({ name: 'Bad_Name', image: 'nginx', replicas: 1, namespace: 'default' }), stateOf(defaultNs), env()));
    expect(error.code).toBe('Invalid');
    expect(error.message).toMatch(/^ReplicationController "Bad_Name" is invalid: metadata.name: /);
  });

  it('given an RC, when scaled, then one Scaled entry bumping generation; scaling to the same size appends nothing', () => {
    const scale: Command = { type: 'ScaleReplicationController', namespace: 'default', name: 'nginx', replicas: 3 };
    const scaled = apply(nginxRC, decide(scale, stateOf(nginxRC), env())) as ReplicationController;
    expect(scaled.spec.replicas).toBe(3);
    expect(scaled.metadata.generation).toBe(2);
    expect(decide({ ...scale, replicas: 1 }, stateOf(nginxRC), env())).toEqual([]);
  });

  it('when scaling a missing RC, then replicationcontrollers "x" not found', () => {
    expect(errorOf(() => decide({ type: 'ScaleReplicationController', namespace: 'default', name: 'x', replicas: 3 }, stateOf(), env())).message).toBe(
      'replicationcontrollers "x" not found',
    );
  });

  describe('pods', () => {
    const pod = created<Pod>(
      { type: 'CreatePod', namespace: 'default', name: 'nginx-abcde', labels: { run: 'nginx' }, spec: nginxRC.spec.template.spec },
      defaultNs,
    );
    const bound = apply(pod, decide({ type: 'BindPod', namespace: 'default', name: 'nginx-abcde', nodeName: '10.0.3.254' }, stateOf(pod), env())) as Pod;

    it('when a pod is bound, then spec.nodeName is set; binding it again is a Conflict', () => {
      expect(bound.spec.nodeName).toBe('10.0.3.254');
      const again: Command = { type: 'BindPod', namespace: 'default', name: 'nginx-abcde', nodeName: '10.0.3.253' };
      expect(errorOf(() => decide(again, stateOf(bound), env())).code).toBe('Conflict');
    });

    it('given an unbound pod, when deleted, then it goes at once', () => {
      expect(decide({ type: 'DeletePod', namespace: 'default', name: 'nginx-abcde' }, stateOf(pod), env()).map((p) => p.type)).toEqual(['PodDeleted']);
    });

    it('given a bound pod, when deleted, then it is marked Terminating with its 30s grace period; deleting it again appends nothing', () => {
      const proposed = decide({ type: 'DeletePod', namespace: 'default', name: 'nginx-abcde' }, stateOf(bound), env());
      expect(proposed).toEqual([expect.objectContaining({ type: 'PodDeletionRequested', data: { deletionTimestamp: '2015-12-09T10:34:48Z', gracePeriodSeconds: 30 } })]);
      const terminating = apply(bound, proposed) as Pod;
      expect(decide({ type: 'DeletePod', namespace: 'default', name: 'nginx-abcde' }, stateOf(terminating), env())).toEqual([]);
    });

    it('given a bound pod, when deleted with grace period 0, then it goes at once', () => {
      expect(decide({ type: 'DeletePod', namespace: 'default', name: 'nginx-abcde', gracePeriodSeconds: 0 }, stateOf(bound), env()).map((p) => p.type)).toEqual(['PodDeleted']);
    });
  });

  describe('events', () => {
    const event: Extract<Command, { type: 'RecordEvent' }> = {
      type: 'RecordEvent',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx-abcde', uid: 'u1', apiVersion: 'v1' },
      reason: 'Scheduled',
      message: 'Successfully assigned nginx-abcde to 10.0.3.254',
      source: { component: 'scheduler' },
    };

    it('when an Event is first recorded, then it counts 1, named after the object', () => {
      const [proposed] = decide(event, stateOf(), env());
      expect(proposed?.type).toBe('EventRecorded');
      const recorded = apply(undefined, decide(event, stateOf(), env()));
      expect(recorded).toMatchObject({ kind: 'Event', count: 1, firstTimestamp: '2015-12-09T10:34:18Z', reason: 'Scheduled', metadata: { namespace: 'default' } });
      expect(recorded?.metadata.name).toMatch(/^nginx-abcde\.[0-9a-f]{16}$/);
      expect(reads(event)).toEqual([eventKey(event)]);
    });

    it('given the same source, object, reason and message, when recorded again, then the existing Event counts 2', () => {
      const first = apply(undefined, decide(event, stateOf(), env()))!;
      const second = apply(first, decide(event, stateOf(first), env()));
      expect(second).toMatchObject({ count: 2, metadata: { name: first.metadata.name } });
    });

    it('given another message, then another Event', () => {
      expect(eventKey({ ...event, message: 'other' })).not.toEqual(eventKey(event));
    });
  });
});
