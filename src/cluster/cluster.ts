import type { Logger } from 'pino';
import { Api } from '../api/api.js';
import type { Clock } from '../api/clock.js';
import type { IdSource } from '../api/ids.js';
import type { Controller } from '../controllers/controller.js';
import { GarbageCollector } from '../controllers/garbage-collector.js';
import { Kubelets } from '../controllers/kubelet.js';
import { NamespaceController } from '../controllers/namespace-controller.js';
import { ReplicationManager } from '../controllers/replication-manager.js';
import { Scheduler } from '../controllers/scheduler.js';
import { openDatabase } from '../log/open.js';
import { ApiError } from '../model/errors.js';
import { SqliteStore } from '../projections/sqlite-store.js';
import type { ClusterStore } from '../projections/store.js';
import { DEFAULT_MAX_PODS, MAX_NODES, makeNode, nodeAddress } from './nodes.js';

export interface ClusterOptions {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
}

export interface InitOptions {
  readonly nodes: number;
  readonly maxPods: number;
}

export interface SettleReport {
  readonly rounds: number;
  readonly entries: number;
}

/** Rounds after which a cluster that still has work is reported as not settling. */
const MAX_ROUNDS = 10_000;
const PAGE = 5_000;

/** The log, the API over it and the controllers, wired for one data directory. */
export class Cluster {
  readonly api: Api;
  readonly store: ClusterStore;
  readonly #logger: Logger;
  readonly #clock: Clock;

  private constructor(store: ClusterStore, options: ClusterOptions) {
    this.store = store;
    this.api = new Api(store, options.clock, options.ids);
    this.#logger = options.logger;
    this.#clock = options.clock;
  }

  static async open(options: ClusterOptions): Promise<Cluster> {
    const store = new SqliteStore(await openDatabase(options.dataDir));
    return new Cluster(store, options);
  }

  async isInitialized(): Promise<boolean> {
    return (await this.store.head()) > 0;
  }

  /** Creates the cluster's first objects: the default namespace and its nodes. */
  async init(actor: string, options: InitOptions): Promise<void> {
    if (!Number.isInteger(options.nodes) || options.nodes < 1 || options.nodes > MAX_NODES) {
      throw new ApiError('Invalid', `--nodes must be a whole number from 1 to ${MAX_NODES}`);
    }
    if (!Number.isInteger(options.maxPods) || options.maxPods < 1) {
      throw new ApiError('Invalid', '--max-pods must be a positive whole number');
    }
    if (await this.isInitialized()) throw new ApiError('AlreadyExists', 'the cluster is already initialized');
    const now = this.#clock.now();
    await this.api.execute(actor, [
      { type: 'CreateNamespace', name: 'default' },
      ...Array.from({ length: options.nodes }, (_, i) => ({
        type: 'RegisterNode' as const,
        node: makeNode(nodeAddress(i), options.maxPods, now, this.api.ids.uid()),
      })),
    ]);
  }

  /** The embedded default: a one-node cluster made on first use. */
  async ensureInitialized(actor: string): Promise<void> {
    if (await this.isInitialized()) return;
    try {
      await this.init(actor, { nodes: 1, maxPods: DEFAULT_MAX_PODS });
    } catch (error) {
      // Another process made it first.
      if (!(error instanceof ApiError && (error.code === 'AlreadyExists' || error.code === 'Conflict'))) throw error;
    }
  }

  /**
   * Runs every controller until none has anything left to do. Controllers
   * first find the work the current state implies (cheap, indexed queries),
   * then follow the entries after `fromRevision`, their own included.
   */
  async settle(fromRevision: number, onRound?: (report: SettleReport) => void): Promise<SettleReport> {
    const controllers: Controller[] = [
      new ReplicationManager(this.api),
      new GarbageCollector(this.api),
      new NamespaceController(this.api),
      new Scheduler(this.api),
      new Kubelets(this.api),
    ];
    for (const c of controllers) await c.resync();
    let cursor = await this.#observe(controllers, fromRevision);
    let entries = 0;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      let appended = 0;
      for (const c of controllers) {
        const n = await c.sync();
        if (n > 0) {
          this.#logger.debug({ controller: c.name, entries: n, round }, 'reconciled');
          cursor = await this.#observe(controllers, cursor);
        }
        appended += n;
      }
      entries += appended;
      onRound?.({ rounds: round, entries });
      if (appended === 0 && !controllers.some((c) => c.hasWork())) return { rounds: round, entries };
    }
    throw new Error(`the cluster did not settle after ${MAX_ROUNDS} rounds`);
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  async #observe(controllers: readonly Controller[], after: number): Promise<number> {
    let cursor = after;
    for (;;) {
      const page = await this.store.entriesAfter(cursor, PAGE);
      if (page.length === 0) return cursor;
      for (const c of controllers) await c.observe(page);
      cursor = page[page.length - 1]!.seq;
    }
  }
}
