// Manifests as `kubectl create -f` reads them: decoded into the parts a user
// may supply, then defaulted as the API server does before it validates.

import { parseAllDocuments } from 'yaml';
import { type ApiError, badRequest } from './errors.js';
import type { Container, ContainerPort, EnvVar, Labels, PodSpec, PodTemplateSpec, ReplicationControllerSpec } from './types.js';

/** The user-supplied part of ObjectMeta; the API server sets the rest. */
export interface ManifestMeta {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
}

export interface PodManifest {
  readonly apiVersion: 'v1';
  readonly kind: 'Pod';
  readonly metadata: ManifestMeta;
  readonly spec: PodSpec;
}

export interface ReplicationControllerManifest {
  readonly apiVersion: 'v1';
  readonly kind: 'ReplicationController';
  readonly metadata: ManifestMeta;
  readonly spec: ReplicationControllerSpec;
}

export interface NamespaceManifest {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
  readonly metadata: ManifestMeta;
}

export type ManifestObject = PodManifest | ReplicationControllerManifest | NamespaceManifest;

/** A ReplicationController before defaulting, as a manifest or `kubectl run` supplies it. */
export interface ReplicationControllerInput {
  readonly metadata: ManifestMeta;
  readonly spec: {
    readonly replicas?: number;
    readonly selector?: Labels;
    readonly template: PodTemplateSpec;
  };
}

/**
 * Reads every object of a YAML or JSON manifest: `---`-separated documents,
 * `kind: List` expanded, empty documents skipped, each object defaulted.
 * Fields the model does not know are dropped, as the API server drops them.
 * Every problem is an ApiError('BadRequest') with a one-line message naming
 * `source`.
 */
export function parseManifests(text: string, source: string): ManifestObject[] {
  const read = new Reader(source);
  const objects: ManifestObject[] = [];
  for (const document of parseAllDocuments(text, { merge: true })) {
    const [error] = document.errors;
    if (error !== undefined) throw parseError(source, error);
    let value: unknown;
    try {
      value = document.toJS();
    } catch (cause) {
      // Unresolved or too many aliases surface only when the document is converted.
      throw parseError(source, cause);
    }
    if (value !== null && value !== undefined) collect(value, '', read, objects);
  }
  return objects;
}

/** The API server's PodSpec defaults (Kubernetes v1.1). */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  return {
    ...spec,
    containers: spec.containers.map(defaultContainer),
    // Go's zero values: an empty string is unset, a 0 grace period is not.
    restartPolicy: spec.restartPolicy || 'Always',
    dnsPolicy: spec.dnsPolicy || 'ClusterFirst',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
  };
}

/**
 * The API server's ReplicationController defaults (Kubernetes v1.1): one
 * replica; the selector and the RC's own labels default to the template's
 * labels when empty.
 */
export function defaultReplicationController(rc: ReplicationControllerInput): ReplicationControllerManifest {
  const templateLabels = rc.spec.template.metadata.labels;
  const labels = isEmpty(rc.metadata.labels) && !isEmpty(templateLabels) ? { ...templateLabels } : rc.metadata.labels;
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: defined({ ...rc.metadata, labels }),
    spec: {
      replicas: rc.spec.replicas ?? 1,
      selector: isEmpty(rc.spec.selector) ? { ...templateLabels } : { ...rc.spec.selector },
      template: { ...rc.spec.template, spec: defaultPodSpec(rc.spec.template.spec) },
    },
  };
}

function defaultContainer(container: Container): Container {
  return defined({
    ...container,
    imagePullPolicy: container.imagePullPolicy || defaultPullPolicy(container.image),
    ports: container.ports?.map((port) => ({ ...port, protocol: port.protocol || 'TCP' })),
  });
}

// Kubernetes v1.1 pulls always only for an explicit `:latest` tag; an untagged
// image gets IfNotPresent (later releases treat it as `:latest`). The seed
// walkthrough depends on this: `run --image=nginx` finds the image "already
// present on machine" instead of pulling it.
function defaultPullPolicy(image: string): string {
  return image.split(':').at(-1) === 'latest' ? 'Always' : 'IfNotPresent';
}

const LIST_KINDS = ['List', 'PodList', 'ReplicationControllerList', 'NamespaceList'];

function collect(value: unknown, path: string, read: Reader, out: ManifestObject[]): void {
  const object = read.object(value, path);
  const apiVersion = read.string(object.apiVersion, join(path, 'apiVersion')) ?? '';
  const kind = read.string(object.kind, join(path, 'kind')) ?? '';
  const unset = [...(apiVersion === '' ? ['apiVersion not set'] : []), ...(kind === '' ? ['kind not set'] : [])];
  if (unset.length > 0) throw read.invalidData(unset.join(', '));

  if (apiVersion === 'v1' && LIST_KINDS.includes(kind)) {
    const items = read.array(object.items, join(path, 'items')) ?? [];
    items.forEach((item, i) => collect(item, join(path, `items[${i}]`), read, out));
    return;
  }
  if (apiVersion !== 'v1') throw read.noMatch(kind, apiVersion);
  const metadata = read.metadata(object.metadata, join(path, 'metadata'));
  switch (kind) {
    case 'Pod':
      out.push({ apiVersion, kind, metadata, spec: defaultPodSpec(read.podSpec(object.spec, join(path, 'spec'))) });
      return;
    case 'ReplicationController':
      out.push(defaultReplicationController({ metadata, spec: read.rcSpec(object.spec, join(path, 'spec')) }));
      return;
    case 'Namespace':
      out.push({ apiVersion, kind, metadata });
      return;
    default:
      throw read.noMatch(kind, apiVersion);
  }
}

// Reads decoded YAML into the model's shapes, failing on a wrong type the way
// kubectl v1.1's client-side schema check did, rather than with a TypeError
// deep inside a controller. Absent and null read as unset; required fields
// read as Go's zero values so that validation reports them in Kubernetes' words.
class Reader {
  readonly #source: string;

  constructor(source: string) {
    this.#source = source;
  }

  metadata(value: unknown, path: string): ManifestMeta {
    const o = this.object(value, path);
    return defined({
      name: this.string(o.name, join(path, 'name')),
      generateName: this.string(o.generateName, join(path, 'generateName')),
      namespace: this.string(o.namespace, join(path, 'namespace')),
      labels: this.stringMap(o.labels, join(path, 'labels')),
      annotations: this.stringMap(o.annotations, join(path, 'annotations')),
    });
  }

  rcSpec(value: unknown, path: string): ReplicationControllerInput['spec'] {
    const o = this.object(value, path);
    const templatePath = join(path, 'template');
    const template = this.object(o.template, templatePath);
    const templateMeta = this.object(template.metadata, join(templatePath, 'metadata'));
    return defined({
      replicas: this.integer(o.replicas, join(path, 'replicas')),
      selector: this.stringMap(o.selector, join(path, 'selector')),
      template: {
        metadata: defined({
          name: this.string(templateMeta.name, join(templatePath, 'metadata.name')),
          labels: this.stringMap(templateMeta.labels, join(templatePath, 'metadata.labels')),
          annotations: this.stringMap(templateMeta.annotations, join(templatePath, 'metadata.annotations')),
        }),
        spec: this.podSpec(template.spec, join(templatePath, 'spec')),
      },
    });
  }

  podSpec(value: unknown, path: string): PodSpec {
    const o = this.object(value, path);
    const containersPath = join(path, 'containers');
    return defined({
      containers: (this.array(o.containers, containersPath) ?? []).map((c, i) =>
        this.container(c, `${containersPath}[${i}]`),
      ),
      nodeName: this.string(o.nodeName, join(path, 'nodeName')),
      restartPolicy: this.string(o.restartPolicy, join(path, 'restartPolicy')),
      terminationGracePeriodSeconds: this.integer(o.terminationGracePeriodSeconds, join(path, 'terminationGracePeriodSeconds')),
      dnsPolicy: this.string(o.dnsPolicy, join(path, 'dnsPolicy')),
    });
  }

  container(value: unknown, path: string): Container {
    const o = this.object(value, path);
    const portsPath = join(path, 'ports');
    const envPath = join(path, 'env');
    return defined({
      name: this.string(o.name, join(path, 'name')) ?? '',
      image: this.string(o.image, join(path, 'image')) ?? '',
      ports: this.array(o.ports, portsPath)?.map((p, i) => this.port(p, `${portsPath}[${i}]`)),
      env: this.array(o.env, envPath)?.map((e, i) => this.envVar(e, `${envPath}[${i}]`)),
      args: this.strings(o.args, join(path, 'args')),
      command: this.strings(o.command, join(path, 'command')),
      imagePullPolicy: this.string(o.imagePullPolicy, join(path, 'imagePullPolicy')),
    });
  }

  port(value: unknown, path: string): ContainerPort {
    const o = this.object(value, path);
    return defined({
      containerPort: this.integer(o.containerPort, join(path, 'containerPort')) ?? 0,
      protocol: this.string(o.protocol, join(path, 'protocol')),
      name: this.string(o.name, join(path, 'name')),
    });
  }

  envVar(value: unknown, path: string): EnvVar {
    const o = this.object(value, path);
    return defined({
      name: this.string(o.name, join(path, 'name')) ?? '',
      value: this.string(o.value, join(path, 'value')),
    });
  }

  object(value: unknown, path: string): Readonly<Record<string, unknown>> {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw this.typeError('object', path, value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): readonly unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw this.typeError('array', path, value);
    return value;
  }

  string(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.typeError('string', path, value);
    return value;
  }

  integer(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Number.isSafeInteger(value)) throw this.typeError('integer', path, value);
    return value as number;
  }

  strings(value: unknown, path: string): string[] | undefined {
    return this.array(value, path)?.map((v, i) => this.string(v, `${path}[${i}]`) ?? '');
  }

  // Label and annotation values are strings in Kubernetes; an unquoted
  // `version: 1` is the classic mistake, so it is reported rather than coerced.
  stringMap(value: unknown, path: string): Labels | undefined {
    if (value === undefined || value === null) return undefined;
    const o = this.object(value, path);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, this.string(v, join(path, k)) ?? '']));
  }

  typeError(expected: string, path: string, value: unknown): ApiError {
    const field = path === '' ? '' : `, for field ${path}`;
    return this.invalidData(`expected type ${expected}${field}, got ${describe(value)}`);
  }

  noMatch(kind: string, apiVersion: string): ApiError {
    const wanted = `kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`;
    return badRequest(`unable to recognize ${JSON.stringify(this.#source)}: no matches for ${wanted}`);
  }

  invalidData(message: string): ApiError {
    return badRequest(`error validating ${JSON.stringify(this.#source)}: error validating data: ${message}`);
  }
}

function parseError(source: string, cause: unknown): ApiError {
  const message = cause instanceof Error ? cause.message : String(cause);
  // yaml's messages end their first line with a colon and then quote the source.
  const firstLine = (message.split('\n')[0] ?? '').replace(/:$/, '');
  return badRequest(`error parsing ${source}: ${firstLine}`, { cause });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

function isEmpty(labels: Labels | undefined): boolean {
  return labels === undefined || Object.keys(labels).length === 0;
}

// Drops keys whose value is undefined, so objects print in `-o yaml` and
// compare in tests without `key: undefined` noise.
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
