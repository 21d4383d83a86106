import { createHash } from 'node:crypto';
import type { Action } from '../api/api.js';
import type { IdSource } from '../api/ids.js';
import type { Container, EventSource, Node, Pod } from '../model/types.js';
import { SANDBOX_ANNOTATION, pullingMessage } from '../projections/evolve.js';
import { objectReference } from './shared.js';

/** The image of the infra container that holds a pod's network namespace (Kubernetes v1.1). */
export const INFRA_IMAGE = 'gcr.io/google_containers/pause:0.8.0';
const INFRA_FIELD_PATH = 'implicitly required container POD';

/** How long simulated work takes. Zero on the real clock, where a command returns with the cluster settled. */
export interface SimulatedDurations {
  readonly imagePullMs: number;
}

export const INSTANT: SimulatedDurations = { imagePullMs: 0 };
/** On a virtual clock, pulls take time, so that a session replays as the seed's did. */
export const REALISTIC: SimulatedDurations = { imagePullMs: 10_000 };

/** What a stage may use besides the pod: the node, and the kubelet's choices for this pass. */
export interface StageContext {
  readonly node: Node;
  readonly source: EventSource;
  readonly ids: IdSource;
  /** Images on the node, including those pulled earlier in this pass. */
  readonly images: Set<string>;
  allocatePodIP(): string;
}

/**
 * One step of a pod's simulated life on a node, as kwok describes them: which
 * pods it applies to, and what the kubelet then does. The kubelet applies the
 * first stage that matches, once per pass; the entries it appends make the
 * next stage match. New behaviour (pull failures, crash loops) is a new row.
 */
export interface PodStage {
  readonly name: string;
  matches(pod: Pod, images: ReadonlySet<string>): boolean;
  /** How long after the pod's last change the stage acts. */
  delay(pod: Pod, durations: SimulatedDurations): number;
  act(pod: Pod, ctx: StageContext): Action[];
}

export const podStages: readonly PodStage[] = [
  {
    name: 'kill',
    matches: (pod) => Boolean(pod.metadata.deletionTimestamp),
    delay: () => 0,
    act(pod, ctx) {
      const actions: Action[] = [];
      for (const status of pod.status.containerStatuses ?? []) {
        if (status.state.running && status.containerID) {
          actions.push(event(pod, ctx, `spec.containers{${status.name}}`, 'Killing', `Killing with docker id ${shortID(status.containerID)}`));
        }
      }
      const sandbox = pod.metadata.annotations?.[SANDBOX_ANNOTATION];
      if (sandbox) actions.push(event(pod, ctx, INFRA_FIELD_PATH, 'Killing', `Killing with docker id ${shortID(sandbox)}`));
      actions.push({ type: 'DeletePod', namespace: ns(pod), name: pod.metadata.name, gracePeriodSeconds: 0 });
      return actions;
    },
  },
  {
    name: 'start-infra-container',
    matches: (pod) => !pod.metadata.annotations?.[SANDBOX_ANNOTATION],
    delay: () => 0,
    act(pod, ctx) {
      const id = ctx.ids.containerID();
      return [
        // Every node is registered holding the infra image.
        event(pod, ctx, INFRA_FIELD_PATH, 'Pulled', `Container image "${INFRA_IMAGE}" already present on machine`),
        {
          type: 'StartPodSandbox',
          namespace: ns(pod),
          name: pod.metadata.name,
          hostIP: ctx.node.metadata.name,
          podIP: ctx.allocatePodIP(),
          sandboxID: `docker://${id}`,
        },
        event(pod, ctx, INFRA_FIELD_PATH, 'Created', `Created with docker id ${id.slice(0, 12)}`),
        event(pod, ctx, INFRA_FIELD_PATH, 'Started', `Started with docker id ${id.slice(0, 12)}`),
      ];
    },
  },
  {
    name: 'pull-images',
    matches: (pod, images) => pod.status.phase === 'Pending' && waitingContainers(pod).some((c) => needsPull(pod, c.name, c.image, images)),
    delay: () => 0,
    act(pod, ctx) {
      const actions: Action[] = [];
      for (const c of waitingContainers(pod)) {
        if (!needsPull(pod, c.name, c.image, ctx.images)) continue;
        actions.push(
          event(pod, ctx, fieldPathOf(c.name), 'Pulling', `pulling image "${c.image}"`),
          { type: 'StartImagePull', namespace: ns(pod), name: pod.metadata.name, containerName: c.name, image: c.image },
        );
      }
      return actions;
    },
  },
  {
    name: 'start-containers',
    matches: (pod) => pod.status.phase === 'Pending',
    delay: (pod, durations) => (waitingContainers(pod).some((c) => isPulling(pod, c.name)) ? durations.imagePullMs : 0),
    act(pod, ctx) {
      const actions: Action[] = [];
      for (const container of waitingContainers(pod)) {
        const fieldPath = fieldPathOf(container.name);
        const id = ctx.ids.containerID();
        if (isPulling(pod, container.name)) {
          ctx.images.add(container.image);
          actions.push(
            { type: 'PullImage', nodeName: ctx.node.metadata.name, image: { names: [container.image], sizeBytes: imageSize(container.image) } },
            event(pod, ctx, fieldPath, 'Pulled', `Successfully pulled image "${container.image}"`),
          );
        } else {
          actions.push(event(pod, ctx, fieldPath, 'Pulled', `Container image "${container.image}" already present on machine`));
        }
        actions.push(
          event(pod, ctx, fieldPath, 'Created', `Created with docker id ${id.slice(0, 12)}`),
          {
            type: 'StartContainer',
            namespace: ns(pod),
            name: pod.metadata.name,
            containerName: container.name,
            containerID: `docker://${id}`,
            imageID: imageID(container.image),
          },
          event(pod, ctx, fieldPath, 'Started', `Started with docker id ${id.slice(0, 12)}`),
        );
      }
      actions.push({ type: 'MarkPodReady', namespace: ns(pod), name: pod.metadata.name });
      return actions;
    },
  },
];

/** The pod's containers that are not running yet. */
function waitingContainers(pod: Pod): readonly Container[] {
  const running = new Set((pod.status.containerStatuses ?? []).filter((s) => s.state.running).map((s) => s.name));
  return pod.spec.containers.filter((c) => !running.has(c.name));
}

function isPulling(pod: Pod, container: string): boolean {
  const status = pod.status.containerStatuses?.find((s) => s.name === container);
  return status?.state.waiting?.message !== undefined && status.state.waiting.message === pullingMessage(status.image);
}

function needsPull(pod: Pod, container: string, image: string, images: ReadonlySet<string>): boolean {
  return !images.has(image) && !isPulling(pod, container);
}

function fieldPathOf(container: string): string {
  return `spec.containers{${container}}`;
}

function event(pod: Pod, ctx: StageContext, fieldPath: string, reason: string, message: string): Action {
  return { type: 'RecordEvent', involvedObject: objectReference(pod, fieldPath), reason, message, source: ctx.source };
}

/** An image's id is its content's digest: the same image has the same id on every node. */
export function imageID(image: string): string {
  return `docker://${createHash('sha256').update(image).digest('hex')}`;
}

function imageSize(image: string): number {
  return 10_000_000 + (createHash('sha256').update(image).digest().readUInt32BE(0) % 200_000_000);
}

function shortID(containerID: string): string {
  return containerID.replace(/^docker:\/\//, '').slice(0, 12);
}

function ns(pod: Pod): string {
  return pod.metadata.namespace ?? 'default';
}
