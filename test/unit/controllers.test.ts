import { describe, expect, it } from 'vitest';
import { deletionOrder } from '../../src/controllers/replication-manager.js';
import { pickNode } from '../../src/controllers/scheduler.js';
import { INFRA_IMAGE, INSTANT, REALISTIC, podStages, type StageContext } from '../../src/controllers/kubelet-stages.js';
import { makeNode, nodeAddress } from '../../src/cluster/nodes.js';
import type { Pod } from '../../src/model/types.js';
import { SANDBOX_ANNOTATION } from '../../src/projections/evolve.js';
import { countingIds } from '../support/fixtures.js';

const now = new Date('2015-12-09T10:34:18Z');

function pod(name: string, changes: { nodeName?: string; phase?: Pod['status']['phase']; ready?: boolean; created?: string; sandbox?: string; deleting?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '7',
      creationTimestamp: changes.created ?? '2015-12-09T10:34:18Z',
      ...(changes.sandbox ? { annotations: { [SANDBOX_ANNOTATION]: changes.sandbox } } : {}),
      ...(changes.deleting ? { deletionTimestamp: '2015-12-09T10:34:48Z' } : {}),
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...(changes.nodeName ? { nodeName: changes.nodeName } : {}) },
    status: {
      phase: changes.phase ?? 'Pending',
      ...(changes.ready !== undefined ? { conditions: [{ type: 'Ready', status: changes.ready ? 'True' : 'False' }] } : {}),
    },
  };
}

describe('node addresses', () => {
  it('count down from 10.0.3.254, skipping .0 and .255', () => {
    expect([0, 1, 2].map(nodeAddress)).toEqual(['10.0.3.254', '10.0.3.253', '10.0.3.252']);
    expect(nodeAddress(253)).toBe('10.0.3.1');
    expect(nodeAddress(254)).toBe('10.0.2.254');
    expect(nodeAddress(1015)).toBe('10.0.0.1');
    expect(() => nodeAddress(1016)).toThrow(RangeError);
  });
});

describe('scheduler.pickNode', () => {
  const nodes = [makeNode('10.0.3.253', 2, now, 'a'), makeNode('10.0.3.254', 2, now, 'b')];

  it('given empty nodes, then the first by name', () => {
    expect(pickNode(nodes, new Map())?.metadata.name).toBe('10.0.3.253');
  });

  it('given uneven load, then the node with the fewest pods', () => {
    expect(pickNode(nodes, new Map([['10.0.3.253', 1]]))?.metadata.name).toBe('10.0.3.254');
  });

  it('given every node at max pods, then none', () => {
    expect(pickNode(nodes, new Map([['10.0.3.253', 2], ['10.0.3.254', 2]]))).toBeUndefined();
  });
});

describe('replication manager deletion order', () => {
  it('deletes unassigned before pending before running, not-ready before ready, then the newest', () => {
    const pods = [
      pod('ready-old', { nodeName: 'n', phase: 'Running', ready: true, created: '2015-12-09T10:00:00Z' }),
      pod('ready-new', { nodeName: 'n', phase: 'Running', ready: true, created: '2015-12-09T11:00:00Z' }),
      pod('running-not-ready', { nodeName: 'n', phase: 'Running', ready: false }),
      pod('pending', { nodeName: 'n', phase: 'Pending' }),
      pod('unassigned'),
    ];
    expect([...pods].sort(deletionOrder).map((p) => p.metadata.name)).toEqual(['unassigned', 'pending', 'running-not-ready', 'ready-new', 'ready-old']);
  });
});

describe('kubelet stages', () => {
  function context(images: string[]): StageContext {
    let ip = 1;
    return {
      node: makeNode('10.0.3.254', 110, now, 'n'),
      source: { component: 'kubelet', host: '10.0.3.254' },
      ids: countingIds(),
      images: new Set(images),
      allocatePodIP: () => `172.17.0.${++ip}`,
    };
  }
  const stageOf = (p: Pod) => podStages.find((s) => s.matches(p, new Set([INFRA_IMAGE])));
  const reasons = (actions: ReturnType<(typeof podStages)[number]['act']>) =>
    actions.map((a) => (a.type === 'RecordEvent' ? `${a.involvedObject.fieldPath} ${a.reason}` : a.type));

  it('given a bound pod, then the infra container first: Pulled (present), sandbox, Created, Started', () => {
    const p = pod('a', { nodeName: '10.0.3.254' });
    const stage = stageOf(p)!;
    expect(stage.name).toBe('start-infra-container');
    const actions = stage.act(p, context([INFRA_IMAGE]));
    expect(reasons(actions)).toEqual([
      'implicitly required container POD Pulled',
      'StartPodSandbox',
      'implicitly required container POD Created',
      'implicitly required container POD Started',
    ]);
    expect(actions[1]).toMatchObject({ podIP: '172.17.0.2', hostIP: '10.0.3.254', sandboxID: `docker://${'1'.padStart(64, 'c')}` });
  });

  function sandboxed(name: string, waiting: { reason: string; message?: string }): Pod {
    const p = pod(name, { nodeName: '10.0.3.254', sandbox: 'docker://s' });
    return {
      ...p,
      status: { ...p.status, containerStatuses: [{ name: 'nginx', state: { waiting }, lastState: {}, ready: false, restartCount: 0, image: 'nginx', imageID: '' }] },
    };
  }

  it('given a sandboxed pod and an image the node lacks, then Pulling and the pull starts, at once', () => {
    const p = sandboxed('a', { reason: 'ContainerCreating' });
    const stage = podStages.find((s) => s.matches(p, new Set([INFRA_IMAGE])))!;
    expect(stage.name).toBe('pull-images');
    expect(stage.delay(p, REALISTIC)).toBe(0);
    expect(reasons(stage.act(p, context([INFRA_IMAGE])))).toEqual(['spec.containers{nginx} Pulling', 'StartImagePull']);
  });

  it('given a pod whose image is being pulled, then after the pull time: the image lands on the node, Pulled, Created, Started, Ready', () => {
    const p = sandboxed('a', { reason: 'ContainerCreating', message: 'pulling image "nginx"' });
    const ctx = context([INFRA_IMAGE]);
    const stage = podStages.find((s) => s.matches(p, ctx.images))!;
    expect(stage.name).toBe('start-containers');
    expect(stage.delay(p, REALISTIC)).toBe(REALISTIC.imagePullMs);
    expect(stage.delay(p, INSTANT)).toBe(0);
    const actions = stage.act(p, ctx);
    expect(reasons(actions)).toEqual([
      'PullImage',
      'spec.containers{nginx} Pulled',
      'spec.containers{nginx} Created',
      'StartContainer',
      'spec.containers{nginx} Started',
      'MarkPodReady',
    ]);
    expect(actions[1]).toMatchObject({ message: 'Successfully pulled image "nginx"' });
    expect(ctx.images.has('nginx')).toBe(true);
  });

  it('given a node that holds the image, then no pull: already present, at once', () => {
    const p = sandboxed('b', { reason: 'ContainerCreating' });
    const ctx = context([INFRA_IMAGE, 'nginx']);
    const stage = podStages.find((s) => s.matches(p, ctx.images))!;
    expect(stage.name).toBe('start-containers');
    expect(stage.delay(p, REALISTIC)).toBe(0);
    expect(stage.act(p, ctx)[0]).toMatchObject({ reason: 'Pulled', message: 'Container image "nginx" already present on machine' });
  });

  it('given a terminating pod, then Killing for its containers and infra container, then the pod is removed', () => {
    const p = pod('a', { nodeName: '10.0.3.254', sandbox: 'docker://0123456789abcdef', deleting: true, phase: 'Running' });
    const running: Pod = {
      ...p,
      status: { ...p.status, containerStatuses: [{ name: 'nginx', state: { running: { startedAt: 't' } }, lastState: {}, ready: true, restartCount: 0, image: 'nginx', imageID: 'i', containerID: 'docker://fedcba9876543210' }] },
    };
    const actions = stageOf(running)!.act(running, context([]));
    expect(actions.map((a) => (a.type === 'RecordEvent' ? a.message : a.type))).toEqual([
      'Killing with docker id fedcba987654',
      'Killing with docker id 0123456789ab',
      'DeletePod',
    ]);
    expect(actions[2]).toMatchObject({ type: 'DeletePod', gracePeriodSeconds: 0 });
  });

  it('given a running pod, then no stage applies', () => {
    expect(stageOf(pod('a', { nodeName: 'n', sandbox: 's', phase: 'Running', ready: true }))).toBeUndefined();
  });
});
