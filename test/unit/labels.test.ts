import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/fixtures.js';
import {
  formatLabels,
  isQualifiedName,
  isSubset,
  isValidLabelValue,
  matches,
  parseLabelAssignments,
  parseSelector,
  selectorFromSet,
  selectorIsEmpty,
} from '../../src/model/labels.js';


const pod = { app: 'webserver', status: 'serving', tier: 'frontend' };

describe('parseSelector', () => {
  it.each([
    ['a=b', [{ key: 'a', operator: 'In', values: ['b'] }]],
    ['a==b', [{ key: 'a', operator: 'In', values: ['b'] }]],
    ['a!=b', [{ key: 'a', operator: 'NotIn', values: ['b'] }]],
    ['a in (y,x)', [{ key: 'a', operator: 'In', values: ['x', 'y'] }]],
    ['a notin (x)', [{ key: 'a', operator: 'NotIn', values: ['x'] }]],
    ['a', [{ key: 'a', operator: 'Exists' }]],
    ['!a', [{ key: 'a', operator: 'DoesNotExist' }]],
    ['a=', [{ key: 'a', operator: 'In', values: [''] }]],
    ['a in ()', [{ key: 'a', operator: 'In', values: [''] }]],
    ['', []],
  ])('given %j, when parsed, then it is %j', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });

  it('given comma-joined requirements with spaces, when parsed, then all are kept, sorted by key', () => {
    // given
    const text = '  tier in ( frontend , backend ) , app = webserver,!canary ,  status  ';
    // when
    const selector = parseSelector(text);
    // then
    expect(selector).toEqual([
      { key: 'app', operator: 'In', values: ['webserver'] },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'status', operator: 'Exists' },
      { key: 'tier', operator: 'In', values: ['backend', 'frontend'] },
    ]);
  });

  it('given keywords used as key and value, when parsed, then they are identifiers', () => {
    expect(parseSelector('in=notin')).toEqual([{ key: 'in', operator: 'In', values: ['notin'] }]);
  });

  it('given a prefixed key, when parsed, then the prefix is part of the key', () => {
    expect(parseSelector('example.com/app=web')).toEqual([{ key: 'example.com/app', operator: 'In', values: ['web'] }]);
  });

  it.each([
    ['a in', "unable to parse requirement: found '', expected: '('"],
    ['a in (x', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !="],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a=b,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
  ])('given the bad syntax %j, when parsed, then it fails with %j', (text, message) => {
    const error = errorOf(() => parseSelector(text));
    expect(error.code).toBe('BadRequest');
    expect(error.message).toBe(message);
  });

  it('given an invalid key, when parsed, then the error names the key in Kubernetes words', () => {
    const error = errorOf(() => parseSelector('-app=web'));
    expect(error.message).toMatch(/^unable to parse requirement: key: Invalid value: "-app": name part must consist of/);
    expect(error.message).not.toContain('\n');
  });

  it('given an invalid value, when parsed, then the error names the value', () => {
    const error = errorOf(() => parseSelector('app in (ok,-bad)'));
    expect(error.message).toMatch(/^unable to parse requirement: values\[0\]\[app\]: Invalid value: "-bad": a valid label must be/);
  });
});

describe('matches', () => {
  it.each([
    ['app=webserver', true],
    ['app==webserver', true],
    ['app=other', false],
    ['app!=other', true],
    ['app!=webserver', false],
    ['missing!=x', true],
    ['tier in (backend,frontend)', true],
    ['tier in (backend)', false],
    ['missing in (x)', false],
    ['tier notin (backend)', true],
    ['tier notin (frontend)', false],
    ['missing notin (x)', true],
    ['status', true],
    ['missing', false],
    ['!missing', true],
    ['!status', false],
    ['app=webserver,tier in (frontend),!canary', true],
    ['app=webserver,canary', false],
    ['', true],
  ])('given a pod labelled app=webserver,status=serving,tier=frontend, when selected by %j, then it matches: %s', (text, expected) => {
    expect(matches(parseSelector(text), pod)).toBe(expected);
  });

  it('given no labels at all, when selected by an empty or a negative selector, then it matches', () => {
    expect(matches([], undefined)).toBe(true);
    expect(matches(parseSelector('!a,b!=c'), undefined)).toBe(true);
    expect(matches(parseSelector('a'), undefined)).toBe(false);
  });

  it('given a key that exists only on the prototype chain, when selected, then it is absent', () => {
    expect(matches(parseSelector('toString'), {})).toBe(false);
  });
});

describe('selectorFromSet', () => {
  it('given an RC selector map, when converted, then it selects exactly the pods carrying all pairs', () => {
    // given
    const selector = selectorFromSet({ run: 'nginx', app: 'web' });
    // then
    expect(selector).toEqual([
      { key: 'app', operator: 'In', values: ['web'] },
      { key: 'run', operator: 'In', values: ['nginx'] },
    ]);
    expect(matches(selector, { run: 'nginx', app: 'web', extra: 'x' })).toBe(true);
    expect(matches(selector, { run: 'nginx' })).toBe(false);
  });

  it('given an empty map, when converted, then the selector is empty and selects everything', () => {
    const selector = selectorFromSet({});
    expect(selectorIsEmpty(selector)).toBe(true);
    expect(selectorIsEmpty(selectorFromSet(undefined))).toBe(true);
    expect(selectorIsEmpty(parseSelector('a'))).toBe(false);
    expect(matches(selector, pod)).toBe(true);
  });
});

describe('isSubset', () => {
  it('given a selector map and labels, then it holds only when every pair is present', () => {
    expect(isSubset({ app: 'webserver' }, pod)).toBe(true);
    expect(isSubset({ app: 'webserver', status: 'serving' }, pod)).toBe(true);
    expect(isSubset({ app: 'other' }, pod)).toBe(false);
    expect(isSubset({ run: 'nginx' }, undefined)).toBe(false);
    expect(isSubset({}, undefined)).toBe(true);
  });
});

describe('formatLabels', () => {
  it('given labels, when formatted, then they are sorted k=v pairs joined by commas', () => {
    expect(formatLabels({ status: 'serving', app: 'webserver', Z: '1' })).toBe('Z=1,app=webserver,status=serving');
  });

  it('given no labels, when formatted, then it is <none>', () => {
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });
});

describe('parseLabelAssignments', () => {
  it('given kubectl run --labels text, when parsed, then it is a label map', () => {
    expect(parseLabelAssignments('run=nginx,example.com/tier=front_end,empty=')).toEqual({
      run: 'nginx',
      'example.com/tier': 'front_end',
      empty: '',
    });
  });

  it.each([
    ['', 'no label spec passed'],
    ['a', 'unexpected label spec: a'],
    ['a=b=c', 'unexpected label spec: a=b=c'],
    ['=b', 'unexpected empty label key'],
  ])('given %j, when parsed, then it fails with %j', (text, message) => {
    expect(errorOf(() => parseLabelAssignments(text)).message).toBe(message);
  });

  it('given an invalid key or value, when parsed, then the error quotes the spec and the rule', () => {
    expect(errorOf(() => parseLabelAssignments('run=nginx, tier=web')).message).toMatch(
      /^invalid label spec:  tier=web: name part must consist of alphanumeric characters/,
    );
    expect(errorOf(() => parseLabelAssignments(`a=${'v'.repeat(64)}`)).message).toBe(
      `invalid label spec: a=${'v'.repeat(64)}: must be no more than 63 characters`,
    );
  });
});

describe('label syntax', () => {
  it('given keys at and beyond the limits, then only the valid ones pass', () => {
    expect(isQualifiedName('a'.repeat(63))).toEqual([]);
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
    expect(isQualifiedName('example.com/MyName_1.x')).toEqual([]);
    expect(isQualifiedName('/name')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('Example.com/name')[0]).toMatch(/^prefix part a DNS-1123 subdomain must consist of/);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of/);
  });

  it('given label values, then empty is valid and the charset is enforced', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('v1.2_beta-3')).toEqual([]);
    expect(isValidLabelValue('a b')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});
