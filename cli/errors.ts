import { StorageError } from '../src/log/open.js';
import { ApiError } from '../src/model/errors.js';

/** The one line a failed command prints on stderr, in kubectl's words. */
export function errorLine(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'Invalid':
        return `The ${error.message}`;
      case 'BadRequest':
        return `error: ${error.message}`;
      case 'NotFound':
      case 'AlreadyExists':
      case 'Conflict':
      case 'Forbidden':
        return `Error from server: ${error.message}`;
      default: {
        const exhaustive: never = error.code;
        return `error: ${String(exhaustive)}`;
      }
    }
  }
  if (error instanceof StorageError) return `error: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `error: ${message.split('\n')[0]}`;
}
