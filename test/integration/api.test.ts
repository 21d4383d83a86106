import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realClock } from '../../src/api/clock.js';
import { runCommand } from '../../src/api/requests.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { ApiError } from '../../src/model/errors.js';
import type { ReplicationController } from '../../src/model/types.js';
import { countingIds } from '../support/fixtures.js';

const rcKey = { kind: 'ReplicationController' as const, namespace: 'default', name: 'nginx' };
let dataDir: string;
let cluster: Cluster;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kubelog-api-'));
  cluster = await Cluster.open({ dataDir, clock: realClock, ids: countingIds(), logger: pino({ level: 'silent' }) });
  await cluster.init('user:test', { nodes: 1, maxPods: 110 });
  await cluster.api.execute('user:test', [runCommand({ name: 'nginx', image: 'nginx', replicas: 1, namespace: 'default' })]);
});

afterEach(async () => {
  await cluster.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ApiError) return error;
  throw new Error(`expected an ApiError, got ${String(error)}`);
}

describe('a controller action names the version it observed', () => {
  it('given an RC changed since it was observed, when a status update names the old version, then Conflict and nothing is appended', async () => {
    const observed = (await cluster.store.get(rcKey)) as ReplicationController;
    await cluster.api.execute('user:test', [{ type: 'ScaleReplicationController', ...rcKey, replicas: 3 }]);
    const head = await cluster.store.head();
    const error = await rejection(
      cluster.api.execute('system:replication-controller', [
        { type: 'UpdateReplicationControllerStatus', ...rcKey, replicas: 1, observedGeneration: 1, observed: { ...rcKey, resourceVersion: observed.metadata.resourceVersion } },
      ]),
    );
    expect(error.code).toBe('Conflict');
    expect(error.message).toBe(
      'Operation cannot be fulfilled on replicationcontrollers "nginx": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(await cluster.store.head()).toBe(head);
  });

  it('given an RC unchanged since it was observed, then the update is appended', async () => {
    const observed = (await cluster.store.get(rcKey)) as ReplicationController;
    const entries = await cluster.api.execute('system:replication-controller', [
      { type: 'UpdateReplicationControllerStatus', ...rcKey, replicas: 1, observedGeneration: 1, observed: { ...rcKey, resourceVersion: observed.metadata.resourceVersion } },
    ]);
    expect(entries.map((e) => e.type)).toEqual(['ReplicationControllerStatusUpdated']);
    expect(((await cluster.store.get(rcKey)) as ReplicationController).status.replicas).toBe(1);
  });

  it('given one stale action in a batch, then the whole batch is refused', async () => {
    const observed = (await cluster.store.get(rcKey)) as ReplicationController;
    await cluster.api.execute('user:test', [{ type: 'ScaleReplicationController', ...rcKey, replicas: 2 }]);
    const head = await cluster.store.head();
    const error = await rejection(
      cluster.api.execute('system:replication-controller', [
        { type: 'CreateNamespace', name: 'other' },
        { type: 'UpdateReplicationControllerStatus', ...rcKey, replicas: 1, observedGeneration: 1, observed: { ...rcKey, resourceVersion: observed.metadata.resourceVersion } },
      ]),
    );
    expect(error.code).toBe('Conflict');
    expect(await cluster.store.head()).toBe(head);
    expect(await cluster.store.get({ kind: 'Namespace', namespace: '', name: 'other' })).toBeUndefined();
  });
});
