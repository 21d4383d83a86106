import type { Action, ActorBatch, Api } from '../api/api.js';
import type { Entry } from '../model/entries.js';
import type { Node, Pod } from '../model/types.js';
import { type Controller, WorkQueue } from './controller.js';
import { podStages, type SimulatedDurations } from './kubelet-stages.js';
import type { Clock } from '../api/clock.js';
import { executeOrRequeue, observedVersion, type PodKey, podKey } from './shared.js';

type QueuedPod = PodKey & { readonly cause: number | null };

/**
 * The kubelets of every node, on a simulated container runtime. Each node's
 * kubelet acts on its own (its own actor and batch); this controller only
 * routes each pod's entries to the kubelet of the node it is bound to.
 */
export class Kubelets implements Controller {
  readonly name = 'kubelets';
  readonly #api: Api;
  readonly #clock: Clock;
  readonly #durations: SimulatedDurations;
  /** Pods whose next stage falls due later, by uid, like client-go's AddAfter. */
  readonly #delayed = new Map<string, { readonly nodeName: string; readonly key: QueuedPod; readonly due: number }>();
  readonly #queues = new Map<string, WorkQueue<QueuedPod>>();
  readonly #nodeOfPod = new Map<string, string>();
  /** Pod IPs in use per node, by pod uid: read once per node, then kept current from the log. */
  readonly #podIPs = new Map<string, Map<string, string>>();

  constructor(api: Api, clock: Clock, durations: SimulatedDurations) {
    this.#api = api;
    this.#clock = clock;
    this.#durations = durations;
  }

  async resync(): Promise<void> {
    const pods = (await this.#api.store.list({ kind: 'Pod', phases: ['Pending', 'Terminating'] })) as Pod[];
    for (const pod of pods) {
      // Found by looking rather than by an entry: the entry that last changed the pod is the cause.
      if (pod.spec.nodeName) this.#enqueue(pod.spec.nodeName, { ...podKey(pod), cause: Number(pod.metadata.resourceVersion) });
    }
  }

  async observe(entries: readonly Entry[]): Promise<void> {
    for (const entry of entries) {
      switch (entry.type) {
        case 'PodBound':
          this.#nodeOfPod.set(entry.uid, entry.data.nodeName);
          this.#enqueue(entry.data.nodeName, { ...podKey(entry), cause: entry.seq });
          break;
        case 'PodSandboxStarted':
        case 'ImagePullStarted':
        case 'PodDeletionRequested': {
          const node = this.#nodeOfPod.get(entry.uid) ?? (await this.#nodeFromStore(entry));
          if (!node) break;
          if (entry.type === 'PodSandboxStarted') this.#podIPs.get(node)?.set(entry.uid, entry.data.podIP);
          this.#enqueue(node, { ...podKey(entry), cause: entry.seq });
          break;
        }
        case 'PodDeleted': {
          const node = this.#nodeOfPod.get(entry.uid);
          if (node) this.#podIPs.get(node)?.delete(entry.uid);
          else for (const ips of this.#podIPs.values()) ips.delete(entry.uid);
          this.#nodeOfPod.delete(entry.uid);
          break;
        }
        default:
          break;
      }
    }
  }

  hasWork(): boolean {
    for (const queue of this.#queues.values()) if (queue.size > 0) return true;
    return false;
  }

  nextDue(): number | undefined {
    let next: number | undefined;
    for (const { due } of this.#delayed.values()) if (next === undefined || due < next) next = due;
    return next;
  }

  async sync(): Promise<number> {
    const now = this.#clock.now().getTime();
    for (const [uid, { nodeName, key, due }] of this.#delayed) {
      if (due > now) continue;
      this.#delayed.delete(uid);
      this.#enqueue(nodeName, key);
    }
    const batches: ActorBatch[] = [];
    const taken: [string, QueuedPod[]][] = [];
    for (const [nodeName, queue] of this.#queues) {
      const keys = queue.take();
      if (keys.length === 0) continue;
      taken.push([nodeName, keys]);
      batches.push({ actor: `system:kubelet:${nodeName}`, actions: await this.reconcileNode(nodeName, keys) });
    }
    return executeOrRequeue(this.#api, batches, () => {
      for (const [nodeName, keys] of taken) for (const key of keys) this.#enqueue(nodeName, key);
    });
  }

  /** One kubelet's pass: the next stage of each queued pod bound to this node. */
  async reconcileNode(nodeName: string, keys: readonly QueuedPod[]): Promise<Action[]> {
    const store = this.#api.store;
    const node = (await store.get({ kind: 'Node', namespace: '', name: nodeName })) as Node | undefined;
    if (!node) return [];
    let ips = this.#podIPs.get(nodeName);
    if (!ips) this.#podIPs.set(nodeName, (ips = await store.podIPsOnNode(nodeName)));
    const usedIPs = new Set(ips.values());
    const ctx = {
      node,
      source: { component: 'kubelet', host: nodeName },
      ids: this.#api.ids,
      images: new Set(node.status.images.flatMap((i) => i.names)),
      allocatePodIP: () => allocateIP(usedIPs),
    };
    const actions: Action[] = [];
    for (const key of keys) {
      const pod = (await store.get({ kind: 'Pod', namespace: key.namespace, name: key.name })) as Pod | undefined;
      if (!pod || pod.metadata.uid !== key.uid || pod.spec.nodeName !== nodeName) continue;
      const stage = podStages.find((s) => s.matches(pod, ctx.images));
      if (!stage) continue;
      const delay = stage.delay(pod, this.#durations);
      if (delay > 0) {
        const due = (await this.#changedAt(pod)) + delay;
        if (due > this.#clock.now().getTime()) {
          this.#delayed.set(pod.metadata.uid, { nodeName, key, due });
          continue;
        }
      }
      // Every action of a stage rests on this version of the pod: if another
      // kubelet process moved it on meanwhile, the whole pass is observed again.
      const observed = observedVersion(pod);
      actions.push(...stage.act(pod, ctx).map((a) => ({ ...a, cause: key.cause, observed })));
    }
    return actions;
  }

  #enqueue(nodeName: string, key: QueuedPod): void {
    let queue = this.#queues.get(nodeName);
    if (!queue) this.#queues.set(nodeName, (queue = new WorkQueue()));
    queue.add(key.uid, key);
  }

  /** When the pod last changed: the time of the entry its resourceVersion names. */
  async #changedAt(pod: Pod): Promise<number> {
    const row = await this.#api.store.log.row(Number(pod.metadata.resourceVersion));
    return row?.time ?? this.#clock.now().getTime();
  }

  async #nodeFromStore(entry: Entry): Promise<string | undefined> {
    const pod = (await this.#api.store.get({ kind: 'Pod', namespace: entry.namespace, name: entry.name })) as Pod | undefined;
    return pod?.spec.nodeName;
  }
}

/** The lowest free address of Docker's bridge network 172.17.0.0/16, after the bridge's own .1. */
function allocateIP(used: Set<string>): string {
  for (let offset = 2; offset < 65535; offset++) {
    const ip = `172.17.${offset >> 8}.${offset & 255}`;
    if (!used.has(ip)) {
      used.add(ip);
      return ip;
    }
  }
  throw new Error('no free pod IP in 172.17.0.0/16');
}
