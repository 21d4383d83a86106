import { type ManifestObject, defaultPodSpec, defaultReplicationController } from '../model/manifest.js';
import type { Labels } from '../model/types.js';
import type { Command } from './commands.js';

export interface RunRequest {
  readonly name: string;
  readonly image: string;
  readonly replicas: number;
  readonly namespace: string;
  /** Replaces the default `run=<name>` labels, as kubectl's --labels does. */
  readonly labels?: Labels;
  readonly port?: number;
}

/**
 * kubectl v1.1's `run/v1` generator: a ReplicationController whose labels,
 * selector and pod template labels are all `run=<name>` unless --labels says
 * otherwise, with one container named after the RC.
 */
export function runCommand(request: RunRequest): Command {
  const labels = request.labels ?? { run: request.name };
  const rc = defaultReplicationController({
    metadata: { name: request.name, labels },
    spec: {
      replicas: request.replicas,
      selector: labels,
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: request.name,
              image: request.image,
              ...(request.port !== undefined ? { ports: [{ containerPort: request.port }] } : {}),
            },
          ],
        },
      },
    },
  });
  return createCommand(rc, request.namespace);
}

/** The command that creates one manifest object in the given namespace (unless the manifest names its own). */
export function createCommand(object: ManifestObject, defaultNamespace: string): Command {
  const namespace = object.metadata.namespace ?? defaultNamespace;
  const meta = object.metadata;
  switch (object.kind) {
    case 'Namespace':
      return { type: 'CreateNamespace', name: meta.name ?? '', ...(meta.labels ? { labels: meta.labels } : {}) };
    case 'ReplicationController':
      return {
        type: 'CreateReplicationController',
        namespace,
        name: meta.name ?? '',
        ...(meta.labels ? { labels: meta.labels } : {}),
        ...(meta.annotations ? { annotations: meta.annotations } : {}),
        spec: object.spec,
      };
    case 'Pod':
      return {
        type: 'CreatePod',
        namespace,
        ...(meta.name ? { name: meta.name } : {}),
        ...(meta.generateName ? { generateName: meta.generateName } : {}),
        ...(meta.labels ? { labels: meta.labels } : {}),
        ...(meta.annotations ? { annotations: meta.annotations } : {}),
        spec: defaultPodSpec(object.spec),
      };
    default: {
      const exhaustive: never = object;
      throw new Error(`unknown manifest kind ${(exhaustive as ManifestObject).kind}`);
    }
  }
}

/** The command that deletes the object a manifest describes. */
export function deleteCommand(object: ManifestObject, defaultNamespace: string): Command {
  const namespace = object.metadata.namespace ?? defaultNamespace;
  const name = object.metadata.name ?? '';
  switch (object.kind) {
    case 'ReplicationController':
      return { type: 'DeleteReplicationController', namespace, name };
    case 'Pod':
      return { type: 'DeletePod', namespace, name };
    case 'Namespace':
      return { type: 'DeleteNamespace', name };
    default: {
      const exhaustive: never = object;
      throw new Error(`unknown manifest kind ${(exhaustive as ManifestObject).kind}`);
    }
  }
}
