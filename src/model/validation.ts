// What the API server checks before it accepts an object, in Kubernetes'
// field paths and words (pkg/apis/core/validation). Pure: each function
// returns the causes, empty when valid; the API turns them into
// `invalid(kind, name, causes)`.

import { type ApiError, type Cause, badRequest } from './errors.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isSubset, isValidLabelValue } from './labels.js';
import type { ManifestMeta, NamespaceManifest, PodManifest, ReplicationControllerManifest } from './manifest.js';
import type { Labels, PodSpec } from './types.js';

export { isDNS1123Label, isDNS1123Subdomain } from './labels.js';

const MAX_INT32 = 2_147_483_647;
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'Default'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['TCP', 'UDP'];

// distribution/reference's ReferenceRegexp (without IPv6 hosts): name, optional tag, optional digest.
const IMAGE_REFERENCE = (() => {
  const component = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
  const hostPart = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
  const host = `${hostPart}(?:\\.${hostPart})*(?::[0-9]+)?`;
  const name = `(?:${host}/)?${component}(?:/${component})*`;
  const tag = '[\\w][\\w.-]{0,127}';
  const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
  return new RegExp(`^${name}(?::${tag})?(?:@${digest})?$`);
})();

export function validatePod(pod: Pick<PodManifest, 'metadata' | 'spec'>): Cause[] {
  return [...validateMeta(pod.metadata, isDNS1123Subdomain, true), ...validatePodSpec(pod.spec, 'spec')];
}

export function validateReplicationController(rc: Pick<ReplicationControllerManifest, 'metadata' | 'spec'>): Cause[] {
  const { replicas, selector, template } = rc.spec;
  const causes = validateMeta(rc.metadata, isDNS1123Subdomain, true);
  if (Object.keys(selector).length === 0) causes.push(required('spec.selector'));
  causes.push(...validateLabels(selector, 'spec.selector'));
  causes.push(...validateCount(replicas, 'spec.replicas'));
  const templateLabels = template.metadata.labels;
  if (!isSubset(selector, templateLabels)) {
    causes.push(
      invalidValue('spec.template.metadata.labels', templateLabels ?? {}, 'selector does not match template labels'),
    );
  }
  causes.push(...validateLabels(templateLabels, 'spec.template.metadata.labels'));
  causes.push(...validateAnnotations(template.metadata.annotations, 'spec.template.metadata.annotations'));
  causes.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  // An RC keeps its pods running; a pod meant to finish would be replaced forever.
  const restartPolicy = template.spec.restartPolicy;
  if (restartPolicy !== undefined && restartPolicy !== 'Always') {
    causes.push(unsupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  }
  return causes;
}

export function validateNamespace(namespace: Pick<NamespaceManifest, 'metadata'>): Cause[] {
  return validateMeta(namespace.metadata, isDNS1123Label, false);
}

/**
 * `--replicas` of `kubectl scale` and `run`, as a flag parser hands it over
 * (string or number). Returns the count or throws ApiError('BadRequest').
 */
export function validateReplicasArg(value: unknown): number {
  const requiredMessage = 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0';
  if (value === undefined || value === null || value === '') throw badRequest(requiredMessage);
  const count = integerArg('--replicas', value);
  if (count < 0) throw badRequest(requiredMessage);
  if (count > MAX_INT32) throw badArg('--replicas', value, `must be no more than ${MAX_INT32}`);
  return count;
}

/** `--port` of `kubectl run`: the container port, 1 to 65535. */
export function validatePortArg(value: unknown): number {
  const port = integerArg('--port', value);
  if (port < 1 || port > 65535) throw badArg('--port', value, 'must be between 1 and 65535, inclusive');
  return port;
}

/**
 * `--grace-period` of `kubectl delete`, in seconds. kubectl ignores a
 * negative period (the pod's own applies), hence undefined.
 */
export function validateGracePeriodArg(value: unknown): number | undefined {
  const seconds = integerArg('--grace-period', value);
  return seconds < 0 ? undefined : seconds;
}

/** `--image` of `kubectl run`: required, and a well-formed image reference as Docker's grammar has it. */
export function validateImageArg(value: unknown): string {
  if (value === undefined || value === null || value === '') throw badRequest('--image is required');
  const image = String(value);
  if (!IMAGE_REFERENCE.test(image)) {
    throw badRequest(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  }
  return image;
}

// Integers as Go's strconv.ParseInt reads a flag: optional sign, decimal digits.
function integerArg(flag: string, value: unknown): number {
  const text = String(value);
  const number = Number(text);
  if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(number)) throw badArg(flag, value, 'must be an integer');
  return number;
}

function badArg(flag: string, value: unknown, detail: string): ApiError {
  return badRequest(`invalid argument ${JSON.stringify(String(value))} for ${JSON.stringify(flag)} flag: ${detail}`);
}

function validateMeta(meta: ManifestMeta, isValidName: (name: string) => string[], namespaced: boolean): Cause[] {
  const causes: Cause[] = [];
  const { name, generateName, namespace } = meta;
  if (generateName) {
    // The server appends a random suffix, so a trailing dash is allowed here.
    const masked = generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName;
    causes.push(...isValidName(masked).map((p) => invalidValue('metadata.generateName', generateName, p)));
  }
  if (!name) {
    if (!generateName) causes.push(required('metadata.name', 'name or generateName is required'));
  } else {
    causes.push(...isValidName(name).map((p) => invalidValue('metadata.name', name, p)));
  }
  if (namespaced && namespace) {
    causes.push(...isDNS1123Label(namespace).map((p) => invalidValue('metadata.namespace', namespace, p)));
  } else if (!namespaced && namespace) {
    causes.push({ field: 'metadata.namespace', message: 'Forbidden: not allowed on this type' });
  }
  causes.push(...validateLabels(meta.labels, 'metadata.labels'));
  causes.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return causes;
}

function validateLabels(labels: Labels | undefined, field: string): Cause[] {
  return Object.entries(labels ?? {}).flatMap(([key, value]) => [
    ...isQualifiedName(key).map((p) => invalidValue(field, key, p)),
    ...isValidLabelValue(value).map((p) => invalidValue(field, value, p)),
  ]);
}

function validateAnnotations(annotations: Labels | undefined, field: string): Cause[] {
  const entries = Object.entries(annotations ?? {});
  // Annotation keys are case-insensitive qualified names.
  const causes = entries.flatMap(([key]) => isQualifiedName(key.toLowerCase()).map((p) => invalidValue(field, key, p)));
  const size = entries.reduce((total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    causes.push({ field, message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  }
  return causes;
}

function validatePodSpec(spec: PodSpec, path: string): Cause[] {
  const causes: Cause[] = [];
  if (spec.containers.length === 0) causes.push(required(`${path}.containers`));
  const seen = new Set<string>();
  spec.containers.forEach((container, i) => {
    const at = `${path}.containers[${i}]`;
    if (container.name === '') causes.push(required(`${at}.name`));
    else if (seen.has(container.name)) causes.push(duplicate(`${at}.name`, container.name));
    else causes.push(...isDNS1123Label(container.name).map((p) => invalidValue(`${at}.name`, container.name, p)));
    seen.add(container.name);

    const image = container.image;
    if (image === '') causes.push(required(`${at}.image`));
    else if (image.trim() !== image) causes.push(invalidValue(`${at}.image`, image, 'must not have leading or trailing whitespace'));
    else if (/\s/.test(image)) causes.push(invalidValue(`${at}.image`, image, 'must not contain whitespace'));

    if (container.imagePullPolicy) causes.push(...oneOf(`${at}.imagePullPolicy`, container.imagePullPolicy, PULL_POLICIES));

    container.ports?.forEach((port, j) => {
      const portAt = `${at}.ports[${j}]`;
      if (port.containerPort === 0) causes.push(required(`${portAt}.containerPort`));
      else if (!Number.isInteger(port.containerPort) || port.containerPort < 1 || port.containerPort > 65535) {
        causes.push(invalidValue(`${portAt}.containerPort`, port.containerPort, 'must be between 1 and 65535, inclusive'));
      }
      if (port.protocol) causes.push(...oneOf(`${portAt}.protocol`, port.protocol, PROTOCOLS));
    });
  });
  if (spec.restartPolicy) causes.push(...oneOf(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (spec.dnsPolicy) causes.push(...oneOf(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  if (spec.terminationGracePeriodSeconds !== undefined) {
    causes.push(...validateCount(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`));
  }
  return causes;
}

// A non-negative int32, as Go declares replica counts and grace periods.
function validateCount(value: number, field: string): Cause[] {
  if (!Number.isInteger(value)) return [invalidValue(field, value, 'must be an integer')];
  if (value < 0) return [invalidValue(field, value, 'must be greater than or equal to 0')];
  if (value > MAX_INT32) return [invalidValue(field, value, `must be less than or equal to ${MAX_INT32}`)];
  return [];
}

function oneOf(field: string, value: string, supported: readonly string[]): Cause[] {
  return supported.includes(value) ? [] : [unsupported(field, value, supported)];
}

function required(field: string, detail?: string): Cause {
  return { field, message: detail === undefined ? 'Required value' : `Required value: ${detail}` };
}

function duplicate(field: string, value: string): Cause {
  return { field, message: `Duplicate value: ${JSON.stringify(value)}` };
}

function unsupported(field: string, value: string, supported: readonly string[]): Cause {
  const values = supported.map((s) => JSON.stringify(s)).join(', ');
  return { field, message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${values}` };
}

function invalidValue(field: string, value: string | number | Labels, detail: string): Cause {
  return { field, message: `Invalid value: ${formatValue(value)}: ${detail}` };
}

// As apimachinery prints a bad value: numbers bare, strings quoted, maps with sorted keys.
function formatValue(value: string | number | Labels): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
