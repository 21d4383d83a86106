// `-o json` and `-o yaml`. Objects are already in Kubernetes v1 shape, so
// printing is serialization and nothing else.

import { stringify } from 'yaml';
import type { KubeObject } from '../../src/model/types.js';

export interface List {
  readonly apiVersion: 'v1';
  readonly kind: 'List';
  readonly items: readonly KubeObject[];
  readonly metadata: Record<string, never>;
}

/** An object asked for by name prints as itself; a listing, whatever its length, as a v1 List. */
export function document(objects: readonly KubeObject[], asList: boolean): KubeObject | List {
  const [only] = objects;
  if (only && objects.length === 1 && !asList) return only;
  return { apiVersion: 'v1', kind: 'List', items: objects, metadata: {} };
}

// Go's json.Marshal escapes these inside strings (so that JSON is safe in
// HTML and in JavaScript source); they cannot occur outside strings.
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** kubectl's JSONPrinter: json.Marshal, json.Indent by four spaces, then a newline. */
export function toJson(objects: readonly KubeObject[], asList: boolean): string {
  const json = JSON.stringify(document(objects, asList), null, 4);
  return `${json.replace(/[<>&\u2028\u2029]/g, (ch) => GO_ESCAPES[ch] ?? ch)}\n`;
}

/**
 * kubectl's YAMLPrinter goes through JSON into go-yaml, which sorts map keys
 * and does not indent a sequence under its key.
 */
export function toYaml(objects: readonly KubeObject[], asList: boolean): string {
  return stringify(document(objects, asList), { sortMapEntries: true, indentSeq: false });
}
