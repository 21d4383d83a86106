import type { Action, Api } from '../api/api.js';
import type { Entry } from '../model/entries.js';
import type { Node, Pod } from '../model/types.js';
import { type Controller, WorkQueue } from './controller.js';
import { objectReference, podKey, type PodKey, executeOrRequeue, observedVersion } from './shared.js';

const ACTOR = 'system:scheduler';
const SOURCE = { component: 'scheduler' };
/** Pods bound per batch: keeps one transaction short however large the backlog. */
const BATCH = 1000;

/**
 * Binds each unbound pod to a Ready node with room, fewest pods first (ties
 * to the first by name). A pod that fits nowhere stays Pending with a
 * FailedScheduling Event, and is tried again only when room may have appeared
 * (a pod deleted, a node registered), so that settling ends.
 */
export class Scheduler implements Controller {
  readonly name = 'scheduler';
  readonly #api: Api;
  readonly #queue = new WorkQueue<PodKey & { cause: number | null }>();
  #retryUnschedulable = false;

  constructor(api: Api) {
    this.#api = api;
  }

  async resync(): Promise<void> {
    await this.#enqueueUnbound();
  }

  async observe(entries: readonly Entry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.type === 'PodCreated' && !entry.data.object.spec.nodeName) {
        this.#queue.add(entry.uid, { ...podKey(entry), cause: entry.seq });
      } else if (entry.type === 'PodDeleted' || entry.type === 'NodeRegistered') {
        this.#retryUnschedulable = true;
      }
    }
  }

  nextDue(): undefined {
    return undefined;
  }

  hasWork(): boolean {
    return this.#queue.size > 0 || this.#retryUnschedulable;
  }

  async sync(): Promise<number> {
    if (this.#retryUnschedulable) {
      this.#retryUnschedulable = false;
      await this.#enqueueUnbound();
    }
    const keys = this.#queue.take(BATCH);
    if (keys.length === 0) return 0;
    const store = this.#api.store;
    const nodes = ((await store.list({ kind: 'Node' })) as Node[]).filter(isReady);
    const load = await store.podsPerNode();
    const actions: Action[] = [];
    for (const key of keys) {
      const pod = (await store.get({ kind: 'Pod', ...key })) as Pod | undefined;
      if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
      const node = pickNode(nodes, load);
      const ref = objectReference(pod);
      if (!node) {
        actions.push({
          type: 'RecordEvent',
          involvedObject: ref,
          reason: 'FailedScheduling',
          message: failedSchedulingMessage(pod, nodes),
          source: SOURCE,
          eventType: 'Warning',
          cause: key.cause,
        });
        continue;
      }
      load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1);
      actions.push(
        { type: 'BindPod', namespace: key.namespace, name: key.name, nodeName: node.metadata.name, observed: observedVersion(pod), cause: key.cause },
        {
          type: 'RecordEvent',
          involvedObject: ref,
          reason: 'Scheduled',
          message: `Successfully assigned ${pod.metadata.name} to ${node.metadata.name}`,
          source: SOURCE,
          cause: key.cause,
        },
      );
    }
    return executeOrRequeue(this.#api, [{ actor: ACTOR, actions }], () => {
      for (const key of keys) this.#queue.add(key.uid, key);
    });
  }

  async #enqueueUnbound(): Promise<void> {
    const pods = (await this.#api.store.list({ kind: 'Pod', nodeName: null })) as Pod[];
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp) this.#queue.add(pod.metadata.uid, { ...podKey(pod), cause: Number(pod.metadata.resourceVersion) });
    }
  }
}

function isReady(node: Node): boolean {
  return node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function capacity(node: Node): number {
  return Number(node.status.capacity['pods'] ?? 110);
}

/** The node with the fewest pods among those with room; ties go to the first in name order. */
export function pickNode(nodes: readonly Node[], load: ReadonlyMap<string, number>): Node | undefined {
  let best: Node | undefined;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (const node of nodes) {
    const n = load.get(node.metadata.name) ?? 0;
    if (n < capacity(node) && n < bestLoad) {
      best = node;
      bestLoad = n;
    }
  }
  return best;
}

// Kubernetes v1.1's FitError, on one line.
function failedSchedulingMessage(pod: Pod, readyNodes: readonly Node[]): string {
  if (readyNodes.length === 0) return 'no nodes available to schedule pods';
  const reasons = readyNodes.map((n) => `fit failure on node (${n.metadata.name}): PodExceedsMaxPodNumber`);
  return `pod (${pod.metadata.name}) failed to fit in any node ${reasons.join(' ')}`;
}
