/** A value as it appears in an object's JSON. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** One leaf of an object that differs between two versions, named by its path. */
export type FieldChange =
  | { readonly op: 'changed'; readonly path: string; readonly from: Json; readonly to: Json }
  | { readonly op: 'added'; readonly path: string; readonly value: Json }
  | { readonly op: 'removed'; readonly path: string; readonly value: Json };

// Every entry bumps it, so it would be the noise on every line of a history.
const IGNORED = new Set(['metadata.resourceVersion']);

/**
 * The leaves that differ between two versions of an object. Objects and
 * arrays are walked down to their scalar leaves (an empty one is a leaf), so
 * a change reads as one path; a subtree that appears or goes away lists each
 * of its leaves. Arrays compare by index.
 *
 * @example fieldChanges(rc, scaled) // [{ op: 'changed', path: 'metadata.generation', from: 1, to: 2 }, { op: 'changed', path: 'spec.replicas', from: 1, to: 3 }]
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before as Json | undefined, after as Json | undefined, '', changes);
  return changes;
}

function walk(before: Json | undefined, after: Json | undefined, path: string, out: FieldChange[]): void {
  if (IGNORED.has(path)) return;
  if (before === undefined && after === undefined) return;
  if (isBranch(before) && isBranch(after) && Array.isArray(before) === Array.isArray(after)) {
    for (const key of unionKeys(before, after)) {
      walk(child(before, key), child(after, key), childPath(path, key, Array.isArray(before)), out);
    }
    return;
  }
  if (before !== undefined && after !== undefined && !isBranch(before) && !isBranch(after)) {
    // JSON text, because two empty objects are equal but not the same object.
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ op: 'changed', path, from: before, to: after });
    return;
  }
  if (before !== undefined) leaves(before, path, (p, value) => out.push({ op: 'removed', path: p, value }));
  if (after !== undefined) leaves(after, path, (p, value) => out.push({ op: 'added', path: p, value }));
}

type Branch = readonly Json[] | { readonly [key: string]: Json };

// An empty object or array is reported as a value of its own, or `lastState: {}` would vanish.
function isBranch(value: Json | undefined): value is Branch {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

function leaves(value: Json, path: string, emit: (path: string, value: Json) => void): void {
  if (IGNORED.has(path)) return;
  if (!isBranch(value)) {
    emit(path, value);
    return;
  }
  for (const key of Object.keys(value)) leaves(child(value, key)!, childPath(path, key, Array.isArray(value)), emit);
}

// The earlier version's order first, so that paths come out in the object's own field order.
function unionKeys(before: Branch, after: Branch): string[] {
  const keys = Object.keys(before);
  const seen = new Set(keys);
  for (const key of Object.keys(after)) if (!seen.has(key)) keys.push(key);
  return keys;
}

function child(value: Json | undefined, key: string): Json | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string, Json | undefined>)[key];
}

/**
 * Dotted paths as kubectl's field selectors write them; a key that is not a
 * plain identifier (an annotation such as `kubelog.io/infra-container-id`)
 * is quoted in brackets so that its dots do not read as nesting.
 */
function childPath(parent: string, key: string, isIndex: boolean): string {
  if (isIndex) return `${parent}[${key}]`;
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}
