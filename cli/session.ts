import os from 'node:os';
import { pino, type Logger } from 'pino';
import { realClock } from '../src/api/clock.js';
import { randomIds } from '../src/api/ids.js';
import { Cluster } from '../src/cluster/cluster.js';

/** The options every verb takes. */
export interface GlobalOptions {
  readonly data: string;
  readonly as?: string | undefined;
  readonly namespace?: string | undefined;
  readonly v?: number | undefined;
}

/** The actor a CLI user's entries carry: `user:<login>`, or `--as`. */
export function actorOf(options: GlobalOptions): string {
  return `user:${options.as ?? os.userInfo().username}`;
}

export function namespaceOf(options: GlobalOptions): string {
  return options.namespace ?? 'default';
}

// Logs are not output: pino writes to stderr, and only warnings unless -v.
function loggerFor(options: GlobalOptions): Logger {
  const verbosity = options.v ?? 0;
  const level = verbosity >= 2 ? 'debug' : verbosity === 1 ? 'info' : 'warn';
  return pino({ level, base: undefined }, pino.destination(2));
}

export async function openCluster(options: GlobalOptions): Promise<{ cluster: Cluster; logger: Logger }> {
  const logger = loggerFor(options);
  const cluster = await Cluster.open({ dataDir: options.data, clock: realClock, ids: randomIds, logger });
  return { cluster, logger };
}

/** A read: the cluster as it is, made on first use like every verb. */
export async function withCluster<T>(options: GlobalOptions, read: (cluster: Cluster) => Promise<T>): Promise<T> {
  const { cluster } = await openCluster(options);
  try {
    await cluster.ensureInitialized(actorOf(options));
    return await read(cluster);
  } finally {
    await cluster.close();
  }
}

/**
 * A mutation in the embedded model: append through the API, then run the
 * controllers until the cluster has settled, then return. A rejected request
 * throws before anything is appended, and nothing settles.
 */
export async function mutate<T>(options: GlobalOptions, change: (cluster: Cluster, actor: string) => Promise<T>): Promise<T> {
  const { cluster, logger } = await openCluster(options);
  try {
    const actor = actorOf(options);
    await cluster.ensureInitialized(actor);
    const before = await cluster.store.head();
    const result = await change(cluster, actor);
    const started = Date.now();
    const report = await cluster.settle(before, progressReporter(started));
    logger.info({ ...report, ms: Date.now() - started }, 'settled');
    if (process.stderr.isTTY && Date.now() - started > 1000) process.stderr.write('\n');
    return result;
  } finally {
    await cluster.close();
  }
}

// Long settles show progress on a terminal's stderr; stdout stays the command's output.
function progressReporter(started: number) {
  if (!process.stderr.isTTY) return undefined;
  return (report: { rounds: number; entries: number }) => {
    const seconds = (Date.now() - started) / 1000;
    if (seconds > 1) process.stderr.write(`\rsettling: ${report.entries} entries in ${report.rounds} rounds, ${seconds.toFixed(1)}s`);
  };
}
