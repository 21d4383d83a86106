import type { Kind } from './types.js';

export type ApiErrorCode = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden';

/** One rejected field, as in a Kubernetes `Status.details.causes` entry. */
export interface Cause {
  readonly field: string;
  readonly message: string;
}

/**
 * What a Kubernetes `Status.details` carries, so the HTTP edge can answer with
 * the same Status the API server would. `kind` is the plural resource for
 * NotFound/AlreadyExists/Conflict and the Kind for Invalid, as in apimachinery.
 */
export interface ApiErrorDetails {
  readonly kind?: string;
  readonly name?: string;
  readonly causes?: readonly Cause[];
}

/**
 * The one error type that crosses the API boundary. Its message is what
 * kubectl prints after `Error from server: `.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly details: ApiErrorDetails | undefined;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown; details?: ApiErrorDetails },
  ) {
    super(message, options);
    this.details = options?.details;
  }
}

export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

/** @example notFound('pods', 'x').message === 'pods "x" not found' */
export function notFound(resource: string, name: string): ApiError {
  return new ApiError('NotFound', `${resource} ${quote(name)} not found`, {
    details: { kind: resource, name },
  });
}

export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${resource} ${quote(name)} already exists`, {
    details: { kind: resource, name },
  });
}

/**
 * @example invalid('ReplicationController', 'x', [{ field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0' }])
 *   → `ReplicationController "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`
 */
export function invalid(kind: string, name: string, causes: readonly Cause[]): ApiError {
  const head = `${kind} ${quote(name)} is invalid`;
  const message =
    causes.length === 0 ? head : `${head}: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`;
  return new ApiError('Invalid', message, { details: { kind, name, causes } });
}

export function conflict(resource: string, name: string, detail: string = OPTIMISTIC_LOCK_MESSAGE): ApiError {
  return new ApiError('Conflict', `Operation cannot be fulfilled on ${resource} ${quote(name)}: ${detail}`, {
    details: { kind: resource, name },
  });
}

export function badRequest(message: string, options?: { cause?: unknown }): ApiError {
  return new ApiError('BadRequest', message, options);
}

/** The plural resource name used in URLs and in NotFound/AlreadyExists/Conflict messages. */
export function resourceFor(kind: Kind): string {
  switch (kind) {
    case 'Pod':
      return 'pods';
    case 'ReplicationController':
      return 'replicationcontrollers';
    case 'Node':
      return 'nodes';
    case 'Namespace':
      return 'namespaces';
    case 'Event':
      return 'events';
    case 'Cluster':
      return 'clusters';
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

// Go's %q, which apimachinery uses for names; JSON escaping agrees with it on printable ASCII.
function quote(value: string): string {
  return JSON.stringify(value);
}
