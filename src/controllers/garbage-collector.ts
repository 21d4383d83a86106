import type { Action, Api } from '../api/api.js';
import type { Entry } from '../model/entries.js';
import type { Pod } from '../model/types.js';
import { type Controller, WorkQueue } from './controller.js';
import { executeOrRequeue, observedVersion } from './shared.js';

const ACTOR = 'system:garbage-collector';

interface DeletedOwner {
  readonly uid: string;
  readonly cause: number;
}

/**
 * Deletes the pods of a deleted ReplicationController, found by their
 * ownerReferences, so that `delete rc` removes its pods as kubectl's did.
 */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  readonly #api: Api;
  readonly #queue = new WorkQueue<DeletedOwner>();

  constructor(api: Api) {
    this.#api = api;
  }

  // Work comes only from deletions observed while running: finding orphans
  // at start would mean a scan of every pod on every command.
  async resync(): Promise<void> {}

  async observe(entries: readonly Entry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.type === 'ReplicationControllerDeleted') this.#queue.add(entry.uid, { uid: entry.uid, cause: entry.seq });
    }
  }

  nextDue(): undefined {
    return undefined;
  }

  hasWork(): boolean {
    return this.#queue.size > 0;
  }

  async sync(): Promise<number> {
    const owners = this.#queue.take();
    const actions: Action[] = [];
    for (const owner of owners) {
      for (const pod of (await this.#api.store.list({ kind: 'Pod', ownerUid: owner.uid })) as Pod[]) {
        if (pod.metadata.deletionTimestamp) continue;
        actions.push({
          type: 'DeletePod',
          namespace: pod.metadata.namespace ?? 'default',
          name: pod.metadata.name,
          observed: observedVersion(pod),
          cause: owner.cause,
        });
      }
    }
    return executeOrRequeue(this.#api, [{ actor: ACTOR, actions }], () => {
      for (const owner of owners) this.#queue.add(owner.uid, owner);
    });
  }
}
