import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { realClock } from '../src/api/clock.js';
import { randomIds } from '../src/api/ids.js';
import { runCommand } from '../src/api/requests.js';
import { Cluster } from '../src/cluster/cluster.js';

const ACTOR = 'user:bench';
const NODES = 100;

interface Result {
  readonly replicas: number;
  readonly seconds: number;
  readonly podsPerSecond: number;
  readonly entries: number;
  readonly entriesPerSecond: number;
}

/** A fresh 100-node cluster, an RC at 0, then `scale` to N settled: the embedded CLI's path without process start-up. */
async function scaleTo(replicas: number): Promise<Result> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kubelog-bench-'));
  const cluster = await Cluster.open({ dataDir, clock: realClock, ids: randomIds, logger: pino({ level: 'warn' }, pino.destination(2)) });
  try {
    await cluster.init(ACTOR, { nodes: NODES, maxPods: 110 });
    await cluster.api.execute(ACTOR, [runCommand({ name: 'bench', image: 'nginx', replicas: 0, namespace: 'default' })]);
    await cluster.settle(0);
    const before = await cluster.store.head();
    const started = process.hrtime.bigint();
    await cluster.api.execute(ACTOR, [{ type: 'ScaleReplicationController', namespace: 'default', name: 'bench', replicas }]);
    await cluster.settle(before, (r) => process.stderr.write(`\rscale to ${replicas}: ${r.entries} entries, round ${r.rounds}   `));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write('\n');
    const running = await cluster.store.count({ kind: 'Pod', phases: ['Running'] });
    if (running !== replicas) throw new Error(`expected ${replicas} running pods, found ${running}`);
    const entries = (await cluster.store.head()) - before;
    return {
      replicas,
      seconds: round(seconds),
      podsPerSecond: round(replicas / seconds),
      entries,
      entriesPerSecond: round(entries / seconds),
    };
  } finally {
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const results = [];
for (const replicas of [1_000, 10_000]) results.push(await scaleTo(replicas));
const entries = results.reduce((n, r) => n + r.entries, 0);
const seconds = results.reduce((n, r) => n + r.seconds, 0);
process.stdout.write(
  `${JSON.stringify({ nodes: NODES, scale: results, entriesPerSecond: round(entries / seconds), rssMiB: round(process.memoryUsage().rss / 2 ** 20) })}\n`,
);
