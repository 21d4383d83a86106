import type { Logger } from 'pino';
import { Api } from '../api/api.js';
import { type Clock, VirtualClock } from '../api/clock.js';
import { CLUSTER_KEY } from '../api/decide.js';
import type { IdSource } from '../api/ids.js';
import type { Controller } from '../controllers/controller.js';
import { GarbageCollector } from '../controllers/garbage-collector.js';
import { Kubelets } from '../controllers/kubelet.js';
import { INSTANT, REALISTIC } from '../controllers/kubelet-stages.js';
import { NamespaceController } from '../controllers/namespace-controller.js';
import { ReplicationManager } from '../controllers/replication-manager.js';
import { Scheduler } from '../controllers/scheduler.js';
import { openDatabase } from '../log/open.js';
import { ApiError } from '../model/errors.js';
import type { Cluster as ClusterObject } from '../model/types.js';
import { SqliteStore } from '../projections/sqlite-store.js';
import type { ClusterStore, ObjectReader } from '../projections/store.js';
import { type Moment, resolveMoment, stateAt } from '../projections/state-at.js';
import { parseMoment } from '../model/durations.js';
import { DEFAULT_MAX_PODS, MAX_NODES, makeNode, nodeAddress } from './nodes.js';

export interface ClusterOptions {
  readonly dataDir: string;
  /** The real clock, for clusters that run on it; a virtual cluster reads its clock from the log. */
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
}

export interface InitOptions {
  readonly nodes: number;
  readonly maxPods: number;
  /** A virtual clock starting at this time (ms since the epoch); the real clock when absent. */
  readonly virtualStart?: number;
}

export interface SettleReport {
  readonly rounds: number;
  readonly entries: number;
  /** When work put off for later falls due, if any (ms since the epoch). */
  readonly nextDue?: number;
}

export interface ClusterView {
  readonly reader: ObjectReader;
  readonly now: Date;
  readonly revision: number;
}

/** Rounds after which a cluster that still has work is reported as not settling. */
const MAX_ROUNDS = 10_000;
const PAGE = 5_000;

/** The log, the API over it and the controllers, wired for one data directory. */
export class Cluster {
  readonly api: Api;
  readonly store: ClusterStore;
  readonly #logger: Logger;
  #clock: Clock;
  #virtual: VirtualClock | undefined;

  private constructor(store: ClusterStore, options: ClusterOptions, virtual: VirtualClock | undefined) {
    this.store = store;
    this.#clock = virtual ?? options.clock;
    this.#virtual = virtual;
    // The API reads whichever clock the cluster runs on now; init may switch it to a virtual one.
    this.api = new Api(store, { now: () => this.#clock.now() }, options.ids);
    this.#logger = options.logger;
  }

  static async open(options: ClusterOptions): Promise<Cluster> {
    const store = new SqliteStore(await openDatabase(options.dataDir));
    const settings = (await store.get(CLUSTER_KEY)) as ClusterObject | undefined;
    let virtual: VirtualClock | undefined;
    if (settings?.spec.clock === 'virtual') {
      // Entries made "at the current instant" may carry the clock's reading without a ClockAdvanced after them.
      virtual = new VirtualClock(Math.max(Date.parse(settings.status.time ?? '0'), (await store.headTime()) ?? 0));
    }
    return new Cluster(store, options, virtual);
  }

  /** The cluster's time: the real clock, or the virtual clock's reading. */
  now(): Date {
    return this.#clock.now();
  }

  get clockMode(): 'real' | 'virtual' {
    return this.#virtual ? 'virtual' : 'real';
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
    if (options.virtualStart !== undefined) {
      this.#virtual = new VirtualClock(options.virtualStart);
      this.#clock = this.#virtual;
    }
    const now = this.#clock.now();
    await this.api.execute(actor, [
      { type: 'InitializeCluster', clock: this.clockMode },
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
      new Kubelets(this.api, this.#clock, this.#virtual ? REALISTIC : INSTANT),
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
      if (appended === 0 && !controllers.some((c) => c.hasWork())) {
        const dues = controllers.map((c) => c.nextDue()).filter((d): d is number => d !== undefined);
        return { rounds: round, entries, ...(dues.length > 0 ? { nextDue: Math.min(...dues) } : {}) };
      }
    }
    throw new Error(`the cluster did not settle after ${MAX_ROUNDS} rounds`);
  }

  /**
   * Moves a virtual clock forward by `ms`, stopping at every moment when
   * simulated work falls due on the way (or at the new time itself) and
   * settling there, then records the new reading.
   */
  async advance(actor: string, ms: number): Promise<Date> {
    const clock = this.#virtual;
    if (!clock) {
      throw new ApiError('BadRequest', 'this cluster runs on the real clock; only a cluster made with `init --clock virtual` can be advanced');
    }
    if (!Number.isFinite(ms) || ms < 0) throw new ApiError('BadRequest', 'the clock never moves backwards');
    const target = clock.now().getTime() + ms;
    let report = await this.settle(await this.store.head());
    while (report.nextDue !== undefined && report.nextDue <= target) {
      clock.set(Math.max(report.nextDue, clock.now().getTime()));
      report = await this.settle(await this.store.head());
    }
    clock.set(target);
    await this.api.execute(actor, [{ type: 'AdvanceClock', time: target }]);
    return clock.now();
  }

  /**
   * "Now" for reads: the cluster's clock, but never before the last entry
   * (the API stamps entries with the later of the two, so a machine whose
   * clock is behind the one that wrote the log still sees every entry as past).
   */
  async readNow(): Promise<number> {
    return Math.max(this.now().getTime(), (await this.store.headTime()) ?? 0);
  }

  /** A moment as a user writes it (RFC 3339, -5m, rev:N), resolved against this cluster's log and clock. */
  async resolve(at: string): Promise<Moment> {
    const now = await this.readNow();
    return resolveMoment(this.store, parseMoment(at, now), now);
  }

  /**
   * What a read verb reads: the live projections at "now", or, for `--at`,
   * the state as of the resolved revision with that moment as "now".
   */
  async view(at: string | undefined): Promise<ClusterView> {
    if (at === undefined) return { reader: this.store, now: this.now(), revision: await this.store.head() };
    const moment = await this.resolve(at);
    return { reader: await stateAt(this.store, moment.revision), now: new Date(moment.time), revision: moment.revision };
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
