import type { Entry, NewEntry } from '../model/entries.js';
import { ApiError, conflict, resourceFor } from '../model/errors.js';
import type { KubeObject } from '../model/types.js';
import { evolve } from '../projections/evolve.js';
import { type ClusterStore, type Expectation, type ObjectKey, keyString } from '../projections/store.js';
import type { Clock } from './clock.js';
import type { Command } from './commands.js';
import { type Proposed, decide, reads } from './decide.js';
import type { IdSource } from './ids.js';
import { freePodName } from './names.js';

/**
 * A command with the revision of the entry it reacts to (none for a user's
 * request) and, for a component, the version of the object it observed: the
 * command is refused with Conflict if that object has changed since.
 */
export type Action = Command & { readonly cause?: number | null; readonly observed?: Expectation };

export interface ActorBatch {
  readonly actor: string;
  readonly actions: readonly Action[];
}

const MAX_ATTEMPTS = 8;

/**
 * The only writer of the log. Every mutation, a user's or a component's, is
 * a batch of commands decided on the state at one revision and appended
 * atomically, on condition that every object the decision read is unchanged.
 * On a conflict the batch is decided again on the new state; a command that
 * carries its own expected version (a controller's observation) then fails
 * with Conflict, and the controller observes again.
 */
export class Api {
  readonly #store: ClusterStore;
  readonly #clock: Clock;
  readonly #ids: IdSource;

  constructor(store: ClusterStore, clock: Clock, ids: IdSource) {
    this.#store = store;
    this.#clock = clock;
    this.#ids = ids;
  }

  get store(): ClusterStore {
    return this.#store;
  }

  get ids(): IdSource {
    return this.#ids;
  }

  async execute(actor: string, actions: readonly Action[]): Promise<Entry[]> {
    return this.executeGroup([{ actor, actions }]);
  }

  /**
   * Several actors' batches in one transaction (a group commit): all are
   * appended or none. Kubelets use it so that a pass over a hundred nodes
   * costs one durable commit instead of a hundred.
   */
  async executeGroup(batches: readonly ActorBatch[]): Promise<Entry[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(batches);
      } catch (error) {
        // Only a race between reading and appending is worth deciding again;
        // a stale observation would fail the same way every time.
        if (!(error instanceof CommitConflict) || attempt >= MAX_ATTEMPTS) throw error instanceof CommitConflict ? error.conflict : error;
      }
    }
  }

  async #attempt(batches: readonly ActorBatch[]): Promise<Entry[]> {
    // Log time never goes backwards, even if this machine's clock does.
    const headTime = (await this.#store.headTime()) ?? 0;
    const now = new Date(Math.max(this.#clock.now().getTime(), headTime));
    const loaded = new Map<string, KubeObject | undefined>();
    const expect: Expectation[] = [];
    const load = async (key: ObjectKey) => {
      const k = keyString(key);
      if (loaded.has(k)) return;
      const object = await this.#store.get(key);
      loaded.set(k, object);
      expect.push({ ...key, resourceVersion: object?.metadata.resourceVersion ?? null });
    };
    const completed: Action[] = [];
    const actorOf: string[] = [];
    for (const { actor, actions } of batches) {
      for (const action of actions) {
        const named = await this.#completeName(action, completed);
        completed.push(named);
        actorOf.push(actor);
        for (const key of reads(named)) await load(key);
        if (named.observed) {
          await load(named.observed);
          const current = loaded.get(keyString(named.observed));
          if ((current?.metadata.resourceVersion ?? null) !== named.observed.resourceVersion) {
            throw conflict(resourceFor(named.observed.kind), named.observed.name);
          }
        }
      }
    }

    // Later commands of a batch see what earlier ones decided.
    const overlay = new Map(loaded);
    const view = { get: (key: ObjectKey) => overlay.get(keyString(key)) };
    const env = { now, ids: this.#ids };
    const batch: NewEntry[] = [];
    for (const [i, action] of completed.entries()) {
      for (const proposed of decide(action, view, env)) {
        const entry = stamp(proposed, now.getTime(), actorOf[i]!, action.cause ?? null);
        batch.push(entry);
        const k = keyString(entry);
        overlay.set(k, evolve(overlay.get(k), { ...entry, seq: 0 } as Entry));
      }
    }
    if (batch.length === 0) return [];
    try {
      return await this.#store.commit(batch, expect);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'Conflict') throw new CommitConflict(error);
      throw error;
    }
  }

  // generateName is completed here, before the decision, because the name
  // must be read (and found free) like any other key the decision depends on.
  async #completeName(action: Action, earlier: readonly Action[]): Promise<Action> {
    if (action.type !== 'CreatePod' || action.name || !action.generateName) return action;
    const taken = new Set(earlier.flatMap((a) => (a.type === 'CreatePod' && a.namespace === action.namespace && a.name ? [a.name] : [])));
    return { ...action, name: await freePodName(this.#store, this.#ids, action.namespace, action.generateName, taken) };
  }
}

/** Another process appended between this attempt's reads and its append. */
class CommitConflict extends Error {
  constructor(readonly conflict: ApiError) {
    super(conflict.message);
  }
}

function stamp(proposed: Proposed, time: number, actor: string, cause: number | null): NewEntry {
  return { ...proposed, time, actor, cause } as NewEntry;
}
