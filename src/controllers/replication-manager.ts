import type { Action, Api } from '../api/api.js';
import { freePodName } from '../api/names.js';
import type { Entry } from '../model/entries.js';
import { matches, selectorFromSet } from '../model/labels.js';
import type { OwnerReference, Pod, ReplicationController } from '../model/types.js';
import { type Controller, WorkQueue } from './controller.js';
import { executeOrRequeue, objectReference, observedVersion } from './shared.js';

const ACTOR = 'system:replication-controller';
const SOURCE = { component: 'replication-controller' };
/** Kubernetes' burstReplicas: at most this many creations or deletions per RC per pass. */
export const BURST_REPLICAS = 500;

interface RCKey {
  readonly namespace: string;
  readonly name: string;
  readonly cause: number | null;
}

/**
 * Kubernetes v1.1's ReplicationManager: keeps the number of active pods that
 * an RC controls equal to spec.replicas, adopting matching orphans, and
 * keeps the RC's status current. Each pass over an RC ends with a status
 * update on the version of the RC it observed, so two managers acting on the
 * same RC at once cannot both succeed: the second observes again.
 */
export class ReplicationManager implements Controller {
  readonly name = 'replication-manager';
  readonly #api: Api;
  readonly #queue = new WorkQueue<RCKey>();
  /** Which RC controls each pod seen, so that a pod's deletion wakes its RC. */
  readonly #ownerOfPod = new Map<string, string>();

  constructor(api: Api) {
    this.#api = api;
  }

  // An RC whose status lags its spec was left mid-way (a process stopped
  // before settling); the rest are settled and cost nothing until they change.
  async resync(): Promise<void> {
    for (const rc of (await this.#api.store.list({ kind: 'ReplicationController' })) as ReplicationController[]) {
      if (rc.status.replicas !== rc.spec.replicas || rc.status.observedGeneration !== (rc.metadata.generation ?? 1)) {
        this.#enqueue(rc.metadata.namespace ?? '', rc.metadata.name, Number(rc.metadata.resourceVersion));
      }
    }
  }

  async observe(entries: readonly Entry[]): Promise<void> {
    for (const entry of entries) {
      switch (entry.type) {
        case 'ReplicationControllerCreated':
        case 'ReplicationControllerScaled':
          this.#enqueue(entry.namespace, entry.name, entry.seq);
          break;
        case 'PodCreated': {
          const owner = entry.data.object.metadata.ownerReferences?.find((o) => o.controller);
          if (owner) {
            this.#ownerOfPod.set(entry.uid, owner.name);
            this.#enqueue(entry.namespace, owner.name, entry.seq);
          } else {
            await this.#enqueueSelecting(entry.namespace, entry.data.object, entry.seq);
          }
          break;
        }
        case 'PodAdopted':
          this.#ownerOfPod.set(entry.uid, entry.data.ownerReference.name);
          break;
        case 'PodDeletionRequested':
        case 'PodDeleted': {
          const owner = this.#ownerOfPod.get(entry.uid) ?? (await this.#ownerFromStore(entry));
          if (owner) this.#enqueue(entry.namespace, owner, entry.seq);
          if (entry.type === 'PodDeleted') this.#ownerOfPod.delete(entry.uid);
          break;
        }
        default:
          break;
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
    const keys = this.#queue.take();
    const actions: Action[] = [];
    for (const key of keys) actions.push(...(await this.reconcile(key)));
    return executeOrRequeue(this.#api, [{ actor: ACTOR, actions }], () => {
      for (const key of keys) this.#enqueue(key.namespace, key.name, key.cause);
    });
  }

  /** manageReplicas: observe the RC and its pods, and decide what converges them. */
  async reconcile(key: RCKey): Promise<Action[]> {
    const store = this.#api.store;
    const rc = (await store.get({ kind: 'ReplicationController', namespace: key.namespace, name: key.name })) as
      | ReplicationController
      | undefined;
    if (!rc) return [];
    const owner: OwnerReference = { apiVersion: 'v1', kind: 'ReplicationController', name: rc.metadata.name, uid: rc.metadata.uid, controller: true };
    const selector = selectorFromSet(rc.spec.selector);
    const cause = key.cause;
    const actions: Action[] = [];

    const orphans = ((await store.list({ kind: 'Pod', namespace: key.namespace, ownerUid: null })) as Pod[]).filter(
      (p) => !p.metadata.deletionTimestamp && matches(selector, p.metadata.labels ?? {}),
    );
    for (const pod of orphans) {
      actions.push({ type: 'AdoptPod', namespace: key.namespace, name: pod.metadata.name, owner, observed: observedVersion(pod), cause });
    }
    // Counting is an index scan; the pods themselves are read only to choose whom to delete.
    const ownedActive = await store.count({ kind: 'Pod', namespace: key.namespace, ownerUid: rc.metadata.uid, phases: ACTIVE_PHASES });
    const activeCount = ownedActive + orphans.filter(isActive).length;
    const diff = activeCount - rc.spec.replicas;

    let replicas = activeCount;
    if (diff < 0) {
      const taken = new Set<string>();
      for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
        const name = await freePodName(store, this.#api.ids, key.namespace, `${rc.metadata.name}-`, taken);
        taken.add(name);
        actions.push(
          {
            type: 'CreatePod',
            namespace: key.namespace,
            name,
            generateName: `${rc.metadata.name}-`,
            ...(rc.spec.template.metadata.labels ? { labels: rc.spec.template.metadata.labels } : {}),
            ...(rc.spec.template.metadata.annotations ? { annotations: rc.spec.template.metadata.annotations } : {}),
            ownerReferences: [owner],
            spec: rc.spec.template.spec,
            cause,
          },
          { type: 'RecordEvent', involvedObject: objectReference(rc), reason: 'SuccessfulCreate', message: `Created pod: ${name}`, source: SOURCE, cause },
        );
        replicas++;
      }
    } else if (diff > 0) {
      const owned = (await store.list({ kind: 'Pod', ownerUid: rc.metadata.uid, phases: ACTIVE_PHASES })) as Pod[];
      const active = [...owned, ...orphans.filter(isActive)];
      for (const pod of active.sort(deletionOrder).slice(0, Math.min(diff, BURST_REPLICAS))) {
        actions.push(
          { type: 'DeletePod', namespace: key.namespace, name: pod.metadata.name, observed: observedVersion(pod), cause },
          { type: 'RecordEvent', involvedObject: objectReference(rc), reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE, cause },
        );
        replicas--;
      }
    }
    const generation = rc.metadata.generation ?? 1;
    if (actions.length > 0 || rc.status.replicas !== replicas || rc.status.observedGeneration !== generation) {
      actions.push({
        type: 'UpdateReplicationControllerStatus',
        namespace: key.namespace,
        name: key.name,
        replicas,
        observedGeneration: generation,
        observed: observedVersion(rc),
        cause,
      });
    }
    return actions;
  }

  #enqueue(namespace: string, name: string, cause: number | null): void {
    this.#queue.add(`${namespace}/${name}`, { namespace, name, cause });
  }

  async #enqueueSelecting(namespace: string, pod: Pod, cause: number): Promise<void> {
    for (const rc of (await this.#api.store.list({ kind: 'ReplicationController', namespace })) as ReplicationController[]) {
      if (matches(selectorFromSet(rc.spec.selector), pod.metadata.labels ?? {})) this.#enqueue(namespace, rc.metadata.name, cause);
    }
  }

  async #ownerFromStore(entry: Entry): Promise<string | undefined> {
    const pod = (await this.#api.store.get({ kind: 'Pod', namespace: entry.namespace, name: entry.name })) as Pod | undefined;
    return pod?.metadata.ownerReferences?.find((o) => o.controller)?.name;
  }
}

/** The projection's phase column: Terminating stands for a pod being deleted. */
const ACTIVE_PHASES = ['Pending', 'Running', 'Unknown'];

function isActive(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

function isReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Kubernetes' ActivePods order, the pods to delete first: unassigned before
 * assigned, pending before running, not ready before ready; then the newest.
 */
export function deletionOrder(a: Pod, b: Pod): number {
  const assigned = Number(Boolean(a.spec.nodeName)) - Number(Boolean(b.spec.nodeName));
  if (assigned !== 0) return assigned;
  const phase = (PHASE_RANK[a.status.phase] ?? 0) - (PHASE_RANK[b.status.phase] ?? 0);
  if (phase !== 0) return phase;
  const ready = Number(isReady(a)) - Number(isReady(b));
  if (ready !== 0) return ready;
  return b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp);
}
