import { ApiError } from '../src/model/errors.js';
import type { ResourceKind } from '../src/model/types.js';

const ALIASES: Readonly<Record<string, ResourceKind>> = {
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  replicationcontroller: 'ReplicationController',
  replicationcontrollers: 'ReplicationController',
  rc: 'ReplicationController',
  event: 'Event',
  events: 'Event',
  ev: 'Event',
  node: 'Node',
  nodes: 'Node',
  no: 'Node',
  namespace: 'Namespace',
  namespaces: 'Namespace',
  ns: 'Namespace',
};

export class UsageError extends Error {}

/** A resource type as kubectl accepts it: plural, singular or short name. */
export function kindOf(resource: string, allowed?: readonly ResourceKind[]): ResourceKind {
  const kind = ALIASES[resource.toLowerCase()];
  if (!kind || (allowed && !allowed.includes(kind))) {
    throw new ApiError('BadRequest', `the server doesn't have a resource type "${resource}"`);
  }
  return kind;
}

export interface ResourceArgs {
  readonly kind: ResourceKind;
  readonly names: readonly string[];
}

/**
 * kubectl's resource arguments: `TYPE [NAME...]` or `TYPE/NAME`.
 * @example parseResourceArgs(['rc/nginx']) // { kind: 'ReplicationController', names: ['nginx'] }
 */
export function parseResourceArgs(args: readonly string[], allowed?: readonly ResourceKind[]): ResourceArgs {
  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError('You must specify the type of resource');
  const slash = first.indexOf('/');
  if (slash >= 0) {
    const kind = kindOf(first.slice(0, slash), allowed);
    const names = [first.slice(slash + 1), ...rest.map((a) => (a.includes('/') ? parseResourceArgs([a], allowed).names[0]! : a))];
    if (names.some((n) => n === '')) throw new UsageError(`arguments in resource/name form must have a single resource and name`);
    return { kind, names };
  }
  return { kind: kindOf(first, allowed), names: rest };
}
