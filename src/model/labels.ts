// Kubernetes label syntax and label selectors, after apimachinery's
// pkg/labels and pkg/util/validation. The DNS-1123 name checks live here with
// the label checks, not in validation.ts, because a label key's prefix is a
// DNS subdomain and validation.ts depends on this module for selectors;
// validation.ts re-exports them.

import { badRequest } from './errors.js';
import type { Labels } from './types.js';

/** Kubernetes' LabelSelectorRequirement operators; `=`/`==` parse to In and `!=` to NotIn. */
export type Requirement =
  | { readonly key: string; readonly operator: 'In' | 'NotIn'; readonly values: readonly string[] }
  | { readonly key: string; readonly operator: 'Exists' | 'DoesNotExist' };

/** Requirements that must all hold; no requirements selects everything. */
export type Selector = readonly Requirement[];

// --- syntax checks: each returns the problems, empty when valid, as apimachinery's do ---

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_LABEL_MAX = 63;
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MAX = 253;

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MAX = 63;
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MAX = 63;

function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

// apimachinery's RegexError, double space before "or" included, so messages
// read exactly as the API server's.
function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  const shown = examples.map((e) => `'${e}', `).join(' or ');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

/** Names of Pods and ReplicationControllers, and label key prefixes. */
export function isDNS1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errors.push(
      regexError(
        "a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    );
  }
  return errors;
}

/** Names of Namespaces and containers. */
export function isDNS1123Label(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errors.push(maxLenError(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL.test(value)) {
    // The length is already reported, so a valid subdomain can only be failing on its dots.
    errors.push(
      DNS1123_SUBDOMAIN.test(value)
        ? 'must not contain dots'
        : regexError(
            "a DNS-1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
            DNS1123_LABEL_FMT,
            'my-name',
            '123-abc',
          ),
    );
  }
  return errors;
}

/** Label keys and annotation keys: an optional DNS subdomain prefix and `/`, then a name. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    const rule = regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc');
    return [`a qualified name ${rule} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errors: string[] = [];
  const [prefix, name] = parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : [undefined, value];
  if (prefix === '') errors.push('prefix part must be non-empty');
  else if (prefix !== undefined) errors.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  if (name === '') errors.push('name part must be non-empty');
  else if (name.length > QUALIFIED_NAME_MAX) errors.push(`name part ${maxLenError(QUALIFIED_NAME_MAX)}`);
  if (!QUALIFIED_NAME.test(name)) {
    errors.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errors;
}

export function isValidLabelValue(value: string): string[] {
  const errors: string[] = [];
  if (value.length > LABEL_VALUE_MAX) errors.push(maxLenError(LABEL_VALUE_MAX));
  if (!LABEL_VALUE.test(value)) {
    errors.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errors;
}

// --- selectors ---

export function matches(selector: Selector, labels: Labels | undefined): boolean {
  return selector.every((r) => {
    const has = labels !== undefined && Object.hasOwn(labels, r.key);
    switch (r.operator) {
      case 'In':
        return has && r.values.includes(labels[r.key] ?? '');
      case 'NotIn':
        return !has || !r.values.includes(labels[r.key] ?? '');
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default: {
        const _exhaustive: never = r;
        return _exhaustive;
      }
    }
  });
}

/**
 * The equality selector of a label map, such as an RC's `spec.selector`.
 * Like apimachinery's SelectorFromSet it does not validate: the map was
 * validated when its object was.
 */
export function selectorFromSet(labels: Labels | undefined): Selector {
  return sortedKeys(labels ?? {}).map((key) => ({ key, operator: 'In', values: [labels?.[key] ?? ''] }));
}

export function selectorIsEmpty(selector: Selector): boolean {
  return selector.length === 0;
}

/** Whether every pair of `subset` is in `labels`: what an RC selector map asks of a pod's labels. */
export function isSubset(subset: Labels | undefined, labels: Labels | undefined): boolean {
  return Object.entries(subset ?? {}).every(
    ([k, v]) => labels !== undefined && Object.hasOwn(labels, k) && labels[k] === v,
  );
}

/** @example formatLabels({ run: 'nginx', app: 'web' }) === 'app=web,run=nginx'; formatLabels({}) === '<none>' */
export function formatLabels(labels: Labels | undefined): string {
  const text = sortedKeys(labels ?? {})
    .map((k) => `${k}=${labels?.[k] ?? ''}`)
    .join(',');
  return text === '' ? '<none>' : text;
}

/**
 * `kubectl run --labels=k=v,k2=v2`, as kubectl's ParseLabels: split on `,`
 * and `=` without trimming, every key and value checked.
 */
export function parseLabelAssignments(text: string): Labels {
  if (text === '') throw badRequest('no label spec passed');
  const labels: Record<string, string> = {};
  for (const spec of text.split(',')) {
    const parts = spec.split('=');
    const [key, value] = parts;
    if (parts.length !== 2 || key === undefined || value === undefined) {
      throw badRequest(`unexpected label spec: ${spec}`);
    }
    if (key === '') throw badRequest('unexpected empty label key');
    const problems = [...isQualifiedName(key), ...isValidLabelValue(value)];
    if (problems.length > 0) throw badRequest(`invalid label spec: ${spec}: ${problems.join('; ')}`);
    labels[key] = value;
  }
  return labels;
}

/**
 * Parses a label selector as `kubectl get -l` takes it: `a=b`, `a==b`,
 * `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, joined by commas.
 * Errors carry apimachinery's wording, e.g.
 * `unable to parse requirement: found '', expected: '('`.
 */
export function parseSelector(text: string): Selector {
  const parser = new SelectorParser(tokenize(text));
  const requirements: Requirement[] = [];
  for (;;) {
    const next = parser.lookahead('values');
    if (next.type === 'end') break;
    if (next.type !== 'identifier' && next.type !== '!') {
      throw badRequest(`found '${next.literal}', expected: !, identifier, or 'end of string'`);
    }
    requirements.push(parser.requirement());
    const after = parser.consume('values');
    if (after.type === 'end') break;
    if (after.type !== ',') throw badRequest(`found '${after.literal}', expected: ',' or 'end of string'`);
    const following = parser.lookahead('values');
    if (following.type !== 'identifier' && following.type !== '!') {
      throw badRequest(`found '${following.literal}', expected: identifier after ','`);
    }
  }
  // Sorted by key, as apimachinery's Parse does, so equal selectors compare equal.
  return requirements.sort((a, b) => compare(a.key, b.key));
}

type TokenType = 'end' | 'identifier' | 'in' | 'notin' | '(' | ')' | ',' | '!' | '=' | '==' | '!=';

interface Token {
  readonly type: TokenType;
  readonly literal: string;
}

const SYMBOLS = ['!=', '==', '=', '!', '(', ')', ','] as const;
const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!='];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (symbol !== undefined) {
      tokens.push({ type: symbol, literal: symbol });
      i += symbol.length;
      continue;
    }
    let end = i;
    while (end < text.length && !/[\s=!(),]/.test(text[end] ?? '')) end += 1;
    const word = text.slice(i, end);
    tokens.push({ type: word === 'in' || word === 'notin' ? word : 'identifier', literal: word });
    i = end;
  }
  return tokens;
}

// Where `in` and `notin` are operators; anywhere else they are plain identifiers.
type Context = 'operator' | 'values';

class SelectorParser {
  #position = 0;
  readonly #tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  lookahead(context: Context): Token {
    const token = this.#tokens[this.#position] ?? { type: 'end', literal: '' };
    if (context === 'values' && (token.type === 'in' || token.type === 'notin')) {
      return { type: 'identifier', literal: token.literal };
    }
    return token;
  }

  consume(context: Context): Token {
    const token = this.lookahead(context);
    if (token.type !== 'end') this.#position += 1;
    return token;
  }

  requirement(): Requirement {
    let token = this.consume('values');
    const negated = token.type === '!';
    if (negated) token = this.consume('values');
    if (token.type !== 'identifier') fail(`found '${token.literal}', expected: identifier`);
    const key = token.literal;
    const keyProblems = isQualifiedName(key);
    if (keyProblems.length > 0) fail(invalidValue('key', key, keyProblems));
    if (negated) return { key, operator: 'DoesNotExist' };
    const next = this.lookahead('values').type;
    if (next === 'end' || next === ',') return { key, operator: 'Exists' };

    const operator = this.consume('operator');
    let values: string[];
    switch (operator.type) {
      case 'in':
      case 'notin':
        values = this.#setValues();
        break;
      case '=':
      case '==':
      case '!=':
        values = [this.#exactValue()];
        break;
      default:
        fail(`found '${operator.literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
    values = [...new Set(values)].sort(compare);
    values.forEach((value, i) => {
      const problems = isValidLabelValue(value);
      if (problems.length > 0) fail(invalidValue(`values[${i}][${key}]`, value, problems));
    });
    const positive = operator.type === 'in' || operator.type === '=' || operator.type === '==';
    return { key, operator: positive ? 'In' : 'NotIn', values };
  }

  // `(x,y)`; an empty list or an empty slot stands for the empty value, as in apimachinery.
  #setValues(): string[] {
    const open = this.consume('values');
    if (open.type !== '(') fail(`found '${open.literal}', expected: '('`);
    const values: string[] = [];
    let expectValue = true;
    for (;;) {
      const token = this.consume('values');
      if (token.type === ')') {
        if (expectValue) values.push('');
        return values;
      }
      if (token.type === ',') {
        if (expectValue) values.push('');
        expectValue = true;
      } else if (token.type === 'identifier' && expectValue) {
        values.push(token.literal);
        expectValue = false;
      } else {
        fail(`found '${token.literal}', expected: ',', ')' or identifier`);
      }
    }
  }

  #exactValue(): string {
    const next = this.lookahead('values');
    if (next.type === 'end' || next.type === ',') return '';
    const token = this.consume('values');
    if (token.type !== 'identifier') fail(`found '${token.literal}', expected: identifier`);
    return token.literal;
  }
}

function fail(message: string): never {
  throw badRequest(`unable to parse requirement: ${message}`);
}

function invalidValue(field: string, value: string, problems: readonly string[]): string {
  return problems.map((p) => `${field}: Invalid value: ${JSON.stringify(value)}: ${p}`).join(', ');
}

// Go's sort.Strings order (bytewise), not the locale's.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedKeys(labels: Labels): string[] {
  return Object.keys(labels).sort(compare);
}
