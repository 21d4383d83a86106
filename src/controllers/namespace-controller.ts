import type { Action, Api } from '../api/api.js';
import type { Entry } from '../model/entries.js';
import type { Namespace, Pod } from '../model/types.js';
import { type Controller, WorkQueue } from './controller.js';
import { executeOrRequeue, observedVersion } from './shared.js';

const ACTOR = 'system:namespace-controller';

interface Terminating {
  readonly name: string;
  readonly cause: number;
}

/**
 * Empties a namespace being deleted, as Kubernetes' namespace controller
 * does: its RCs and pods are deleted (pods through their kubelets), and once
 * no pod is left its Events and the namespace itself are removed.
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  readonly #api: Api;
  readonly #queue = new WorkQueue<Terminating>();

  constructor(api: Api) {
    this.#api = api;
  }

  async resync(): Promise<void> {
    for (const ns of (await this.#api.store.list({ kind: 'Namespace' })) as Namespace[]) {
      if (ns.metadata.deletionTimestamp) this.#queue.add(ns.metadata.name, { name: ns.metadata.name, cause: Number(ns.metadata.resourceVersion) });
    }
  }

  async observe(entries: readonly Entry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.type === 'NamespaceDeletionRequested') {
        this.#queue.add(entry.name, { name: entry.name, cause: entry.seq });
      } else if (entry.type === 'PodDeleted' || entry.type === 'ReplicationControllerDeleted') {
        const ns = (await this.#api.store.get({ kind: 'Namespace', namespace: '', name: entry.namespace })) as Namespace | undefined;
        if (ns?.metadata.deletionTimestamp) this.#queue.add(ns.metadata.name, { name: ns.metadata.name, cause: entry.seq });
      }
    }
  }

  nextDue(): undefined {
    return undefined;
  }

  hasWork(): boolean {
    return this.#queue.size > 0;
  }

  async sync(): Promise<number> {
    const items = this.#queue.take();
    const actions: Action[] = [];
    for (const item of items) actions.push(...(await this.reconcile(item)));
    return executeOrRequeue(this.#api, [{ actor: ACTOR, actions }], () => {
      for (const item of items) this.#queue.add(item.name, item);
    });
  }

  async reconcile({ name, cause }: Terminating): Promise<Action[]> {
    const store = this.#api.store;
    const ns = (await store.get({ kind: 'Namespace', namespace: '', name })) as Namespace | undefined;
    if (!ns?.metadata.deletionTimestamp) return [];
    const actions: Action[] = [];
    for (const rc of await store.list({ kind: 'ReplicationController', namespace: name })) {
      actions.push({ type: 'DeleteReplicationController', namespace: name, name: rc.metadata.name, cause });
    }
    const pods = (await store.list({ kind: 'Pod', namespace: name })) as Pod[];
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp) {
        actions.push({ type: 'DeletePod', namespace: name, name: pod.metadata.name, observed: observedVersion(pod), cause });
      }
    }
    // Pods on nodes go only when their kubelet has stopped them; the rest goes after.
    if (pods.some((p) => p.spec.nodeName)) return actions;
    for (const event of await store.list({ kind: 'Event', namespace: name })) {
      actions.push({ type: 'DeleteEvent', namespace: name, name: event.metadata.name, cause });
    }
    actions.push({ type: 'RemoveNamespace', name, observed: observedVersion(ns), cause });
    return actions;
  }
}
