import { readFileSync } from 'node:fs';
import { ApiError } from '../src/model/errors.js';
import { type ManifestObject, parseManifests } from '../src/model/manifest.js';

/** Every object of the files given with -f, read before anything is sent. */
export function readManifests(files: readonly string[], verb: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ApiError('BadRequest', code === 'ENOENT' ? `the path "${file}" does not exist` : `cannot read "${file}": ${(error as Error).message}`);
    }
    objects.push(...parseManifests(text, file === '-' ? 'STDIN' : file));
  }
  if (objects.length === 0) throw new ApiError('BadRequest', `no objects passed to ${verb}`);
  return objects;
}

/**
 * The -f values. Declared as a plain string option because yargs' array
 * options drop a lone `-` (stdin); repeating -f still yields several.
 */
export function filesOf(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat();
}
