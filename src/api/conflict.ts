import { type ApiError, conflict, resourceFor } from '../model/errors.js';
import type { KubeObject } from '../model/types.js';

/** The error for a decision made on a version of an object that has since changed. */
export function conflictOn(object: KubeObject): ApiError {
  return conflict(resourceFor(object.kind), object.metadata.name);
}
