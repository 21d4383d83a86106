import type { IdSource } from '../../src/api/ids.js';
import { ApiError } from '../../src/model/errors.js';
import type { StateView } from '../../src/api/decide.js';
import type { KubeObject } from '../../src/model/types.js';
import { keyOf, keyString, type ObjectKey } from '../../src/projections/store.js';

/** Ids that count up, so that expectations can name them. */
export function countingIds(): IdSource {
  let uid = 0;
  let suffix = 0;
  let container = 0;
  return {
    uid: () => `uid-${++uid}`,
    nameSuffix: () => `s${String(++suffix).padStart(4, '0')}`,
    containerID: () => (++container).toString(16).padStart(64, 'c'),
  };
}

/** A decider's state: the objects given, by key. */
export function stateOf(...objects: KubeObject[]): StateView {
  const byKey = new Map(objects.map((o) => [keyString(keyOf(o)), o]));
  return { get: (key: ObjectKey) => byKey.get(keyString(key)) };
}

/** The ApiError an action throws; fails the test if it throws nothing or something else. */
export function errorOf(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
