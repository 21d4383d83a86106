import type { Entry } from '../model/entries.js';

/**
 * A component of the control plane. Level-triggered at start (`resync` finds
 * the work the current state implies), edge-triggered after (`observe` turns
 * new entries into queued keys), and `sync` reconciles what is queued through
 * the API, one batch per actor. Every step is idempotent: reconciling a key
 * with nothing to do appends nothing.
 */
export interface Controller {
  readonly name: string;
  resync(): Promise<void>;
  observe(entries: readonly Entry[]): Promise<void>;
  /** Reconciles the queued keys; returns the number of entries appended. */
  sync(): Promise<number>;
  hasWork(): boolean;
  /** When work put off for later falls due (ms since the epoch), if any. */
  nextDue(): number | undefined;
}

/** A set of keys to reconcile, each at most once per pass, as client-go's work queue. */
export class WorkQueue<K> {
  #pending = new Map<string, K>();

  add(id: string, key: K): void {
    this.#pending.set(id, key);
  }

  /** Takes up to `limit` keys; the rest stay queued for the next pass. */
  take(limit = Number.POSITIVE_INFINITY): K[] {
    const taken: K[] = [];
    for (const [id, key] of this.#pending) {
      if (taken.length >= limit) break;
      taken.push(key);
      this.#pending.delete(id);
    }
    return taken;
  }

  get size(): number {
    return this.#pending.size;
  }
}
