import type { KubeObject, ResourceKind } from '../src/model/types.js';
import { ApiError } from '../src/model/errors.js';
import { toJson, toYaml } from './printers/serialize.js';
import { type ObjectOf, printNames, printTable } from './printers/table.js';

export const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name'] as const;

export interface OutputOptions {
  readonly output?: string | undefined;
  readonly noHeaders?: boolean | undefined;
  readonly showLabels?: boolean | undefined;
  readonly allNamespaces?: boolean | undefined;
}

export function checkOutputFormat(output: string | undefined): void {
  if (output !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(output)) {
    throw new ApiError('BadRequest', `output format "${output}" not recognized; use one of ${OUTPUT_FORMATS.join(', ')}`);
  }
}

/** What `get` prints for objects of one kind: a table, names, or the objects themselves. */
export function formatObjects<K extends ResourceKind>(
  kind: K,
  objects: readonly ObjectOf<K>[],
  now: Date,
  options: OutputOptions,
  asList: boolean,
): string {
  switch (options.output) {
    case 'json':
      return toJson(objects as readonly KubeObject[], asList);
    case 'yaml':
      return toYaml(objects as readonly KubeObject[], asList);
    case 'name':
      return printNames(objects as readonly KubeObject[]);
    default:
      return printTable(kind, objects, now, {
        wide: options.output === 'wide',
        noHeaders: options.noHeaders ?? false,
        showLabels: options.showLabels ?? false,
        withNamespace: options.allNamespaces ?? false,
      });
  }
}
