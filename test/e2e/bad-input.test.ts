// Bad input: every rejected command prints ONE line on stderr in kubectl's
// style, exits 1, prints nothing on stdout, and appends nothing to the log.
//
// Each case runs on its own copy of one initialized cluster (an nginx RC and
// its pod), so that the cases can run side by side and a case that wrongly
// appends cannot disturb another's count.

import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, type ExpectStatic, it } from 'vitest';
import { Cluster, lines, type Result } from './cli.js';

// Manifests the cases read: named now, written by beforeAll outside every data directory.
const fixtures = path.join(os.tmpdir(), `kubelog-e2e-fixtures-${process.pid}-${randomBytes(4).toString('hex')}`);
const fixtureTexts = new Map<string, string>();
function fixture(name: string, text: string): string {
  const file = path.join(fixtures, name);
  fixtureTexts.set(file, text);
  return file;
}

const BAD_YAML = fixture('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n');
const BAD_JSON = fixture('bad.json', '{"apiVersion": "v1", "kind": "Pod",\n');
const MISMATCH = fixture(
  'mismatch.yaml',
  `apiVersion: v1
kind: ReplicationController
metadata:
  name: mismatch
spec:
  replicas: 1
  selector:
    app: a
  template:
    metadata:
      labels:
        app: b
    spec:
      containers:
      - name: c
        image: nginx
`,
);
const UNKNOWN_KIND = fixture('frobnicator.yaml', 'apiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: f\n');
const EXISTING_RC = fixture(
  'nginx-rc.yaml',
  `apiVersion: v1
kind: ReplicationController
metadata:
  name: nginx
spec:
  replicas: 1
  selector:
    run: nginx
  template:
    metadata:
      labels:
        run: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
`,
);
const GOOD_THEN_BAD = fixture(
  'good-then-bad.yaml',
  `apiVersion: v1
kind: Pod
metadata:
  name: good
spec:
  containers:
  - name: c
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: Bad
spec:
  containers:
  - name: c
    image: nginx
`,
);
const MISSING_FILE = path.join(fixtures, 'nope.yaml');

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly input?: string;
  /** The one line on stderr, without its newline. */
  readonly error: string | RegExp;
}

const NOT_FOUND_POD = 'Error from server: pods "x" not found';
const NOT_FOUND_RC = 'Error from server: replicationcontrollers "x" not found';
const NO_TYPE_FOO = `error: the server doesn't have a resource type "foo"`;

const cases: Case[] = [
  // unknown resource types
  { name: 'get foo', args: ['get', 'foo'], error: NO_TYPE_FOO },
  { name: 'delete foo x', args: ['delete', 'foo', 'x'], error: NO_TYPE_FOO },
  { name: 'get foo/x', args: ['get', 'foo/x'], error: NO_TYPE_FOO },
  // missing objects
  { name: 'get pods x', args: ['get', 'pods', 'x'], error: NOT_FOUND_POD },
  { name: 'describe pod x', args: ['describe', 'pod', 'x'], error: NOT_FOUND_POD },
  { name: 'delete pod x', args: ['delete', 'pod', 'x'], error: NOT_FOUND_POD },
  { name: 'get rc x', args: ['get', 'rc', 'x'], error: NOT_FOUND_RC },
  { name: 'describe rc x', args: ['describe', 'rc', 'x'], error: NOT_FOUND_RC },
  { name: 'delete rc x', args: ['delete', 'rc', 'x'], error: NOT_FOUND_RC },
  { name: 'scale --replicas=2 rc x', args: ['scale', '--replicas=2', 'rc', 'x'], error: NOT_FOUND_RC },
  { name: 'scale --replicas=2 rc nginx x (all or nothing)', args: ['scale', '--replicas=2', 'rc', 'nginx', 'x'], error: NOT_FOUND_RC },
  { name: 'get rc nginx -n missing', args: ['get', 'rc', 'nginx', '-n', 'missing'], error: 'Error from server: replicationcontrollers "nginx" not found' },
  // invalid names
  {
    name: 'run Bad_Name --image=nginx',
    args: ['run', 'Bad_Name', '--image=nginx'],
    error: /^The ReplicationController "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a DNS-1123 subdomain must consist of lower case alphanumeric characters/,
  },
  { name: 'create namespace Bad_NS', args: ['create', 'namespace', 'Bad_NS'], error: /^The Namespace "Bad_NS" is invalid: metadata\.name: Invalid value: "Bad_NS": / },
  // images
  { name: 'run web (no --image)', args: ['run', 'web'], error: 'error: --image is required' },
  { name: 'run web --image=', args: ['run', 'web', '--image='], error: 'error: --image is required' },
  { name: 'run web --image="a b"', args: ['run', 'web', '--image=a b'], error: 'error: Invalid image name "a b": invalid reference format' },
  { name: 'run web --image=Nginx', args: ['run', 'web', '--image=Nginx'], error: 'error: Invalid image name "Nginx": invalid reference format' },
  // replicas
  { name: 'run web --replicas=-1', args: ['run', 'web', '--image=nginx', '--replicas=-1'], error: /^error: .*--replicas.*(0|negative)/ },
  { name: 'run web --replicas=1.5', args: ['run', 'web', '--image=nginx', '--replicas=1.5'], error: /^error: invalid argument "1\.5" for "(-r, )?--replicas" flag: / },
  { name: 'run web --replicas=x', args: ['run', 'web', '--image=nginx', '--replicas=x'], error: /^error: invalid argument "x" for "(-r, )?--replicas" flag: / },
  { name: 'scale --replicas=-1 rc nginx', args: ['scale', '--replicas=-1', 'rc', 'nginx'], error: /^error: .*--replicas.*(0|negative)/ },
  { name: 'scale --replicas=1.5 rc nginx', args: ['scale', '--replicas=1.5', 'rc', 'nginx'], error: /^error: invalid argument "1\.5" for "--replicas" flag: / },
  { name: 'scale --replicas=x rc nginx', args: ['scale', '--replicas=x', 'rc', 'nginx'], error: /^error: invalid argument "x" for "--replicas" flag: / },
  { name: 'scale rc nginx (no --replicas)', args: ['scale', 'rc', 'nginx'], error: /^error: .*replicas/ },
  // manifests
  { name: 'create -f malformed YAML', args: ['create', '-f', BAD_YAML], error: new RegExp(`^error: error parsing ${escape(BAD_YAML)}: `) },
  { name: 'create -f malformed JSON', args: ['create', '-f', BAD_JSON], error: new RegExp(`^error: error parsing ${escape(BAD_JSON)}: `) },
  { name: 'create -f - with malformed YAML on stdin', args: ['create', '-f', '-'], input: 'kind: [\n', error: /^error: error parsing STDIN: / },
  {
    name: 'create -f a manifest whose selector does not match its template labels',
    args: ['create', '-f', MISMATCH],
    error: /^The ReplicationController "mismatch" is invalid: spec\.template\.metadata\.labels: Invalid value: .*selector does not match template labels$/,
  },
  {
    name: 'create -f an unknown kind',
    args: ['create', '-f', UNKNOWN_KIND],
    error: `error: unable to recognize "${UNKNOWN_KIND}": no matches for kind "Frobnicator" in version "v1"`,
  },
  { name: 'create -f a missing file', args: ['create', '-f', MISSING_FILE], error: `error: the path "${MISSING_FILE}" does not exist` },
  { name: 'delete -f a missing file', args: ['delete', '-f', MISSING_FILE], error: `error: the path "${MISSING_FILE}" does not exist` },
  { name: 'create -f two pods, the second invalid: neither is created', args: ['create', '-f', GOOD_THEN_BAD], error: /^The Pod "Bad" is invalid: metadata\.name: / },
  // already there
  { name: 'run nginx again', args: ['run', 'nginx', '--image=nginx'], error: 'Error from server: replicationcontrollers "nginx" already exists' },
  { name: 'create -f an RC that exists', args: ['create', '-f', EXISTING_RC], error: 'Error from server: replicationcontrollers "nginx" already exists' },
  { name: 'create namespace default', args: ['create', 'namespace', 'default'], error: 'Error from server: namespaces "default" already exists' },
  { name: 'init on an initialized cluster', args: ['init'], error: /already initialized/ },
  // namespaces
  { name: 'run web -n missing', args: ['run', 'web', '--image=nginx', '-n', 'missing'], error: 'Error from server: namespaces "missing" not found' },
  // flags and arguments
  { name: 'get pods -o foo', args: ['get', 'pods', '-o', 'foo'], error: /^error: .*"foo"/ },
  { name: "get pods -l 'a in (b'", args: ['get', 'pods', '-l', 'a in (b'], error: /^error: / },
  { name: 'delete pods (no name, selector or --all)', args: ['delete', 'pods'], error: /^error: resource\(s\) were provided, but no name, label selector, or --all flag specified$/ },
  { name: 'get pods --bogus', args: ['get', 'pods', '--bogus'], error: /^error: .*bogus/ },
  { name: 'frobnicate (unknown verb)', args: ['frobnicate'], error: /^error: .*frobnicate/ },
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The shape every rejection shares: exit 1, nothing on stdout, one kubectl-style line on stderr. */
function expectRejected(expect: ExpectStatic, r: Result, error: string | RegExp): void {
  expect(r.stdout, 'stdout').toBe('');
  expect(lines(r.stderr), 'exactly one line on stderr').toHaveLength(1);
  expect(r.stderr.endsWith('\n'), 'stderr ends with a newline').toBe(true);
  if (typeof error === 'string') expect(r.stderr).toBe(`${error}\n`);
  else expect(r.stderr.trimEnd()).toMatch(error);
  expect(r.code, 'exit code').toBe(1);
}

describe('bad input is refused whole: one line on stderr, exit 1, nothing on stdout, nothing appended', () => {
  let template: Cluster;

  beforeAll(async () => {
    // The first command on an empty data directory makes the cluster; make it first.
    mkdirSync(fixtures, { recursive: true });
    for (const [file, text] of fixtureTexts) writeFileSync(file, text);
    template = new Cluster();
    await template.ok(['run', 'nginx', '--image=nginx']);
  });

  afterAll(() => {
    template?.dispose();
    rmSync(fixtures, { recursive: true, force: true });
  });

  // First, so that its wait for the lock overlaps the other cases.
  it.concurrent('a locked database: a mutation fails (after the busy timeout), reads still work', async ({ expect }) => {
    const k = template.copy();
    try {
      const before = k.logCount();
      const holder = new Database(k.dbFile);
      try {
        holder.exec('BEGIN EXCLUSIVE');
        const read = await k.run(['get', 'rc', '-o', 'name']);
        expect(read, 'a read beside an exclusive writer (WAL)').toEqual({ code: 0, signal: null, stderr: '', stdout: 'replicationcontroller/nginx\n' });
        // The CLI waits out SQLite's busy timeout (10 s, not configurable) before giving up.
        const r = await k.run(['scale', '--replicas=2', 'rc', 'nginx'], { timeoutMs: 20_000 });
        expectRejected(expect, r, /^error: .*database is locked/);
      } finally {
        if (holder.inTransaction) holder.exec('ROLLBACK');
        holder.close();
      }
      expect(k.logCount()).toBe(before);
      expect(await k.ok(['get', 'rc', 'nginx', '-o', 'name'])).toBe('replicationcontroller/nginx\n');
    } finally {
      k.dispose();
    }
  });

  it.concurrent.for(cases)('$name', async (c, { expect }) => {
    const k = template.copy();
    try {
      const before = k.logCount();
      const r = await k.run(c.args, c.input === undefined ? {} : { input: c.input });
      expectRejected(expect, r, c.error);
      expect(k.logCount(), 'entries in the log').toBe(before);
    } finally {
      k.dispose();
    }
  });

  it.concurrent('the invalid second document left the first uncreated', async ({ expect }) => {
    const k = template.copy();
    try {
      await k.run(['create', '-f', GOOD_THEN_BAD]);
      const r = await k.run(['get', 'pod', 'good']);
      expectRejected(expect, r, 'Error from server: pods "good" not found');
    } finally {
      k.dispose();
    }
  });

  it.concurrent('a cluster.db that is not a database: reads and writes fail, the file is left alone', async ({ expect }) => {
    const k = new Cluster();
    try {
      writeFileSync(k.dbFile, 'this is not a database, just garbage\n'.repeat(200));
      const digest = k.fileDigest();
      for (const args of [['get', 'pods'], ['run', 'nginx', '--image=nginx']]) {
        const r = await k.run(args);
        expectRejected(expect, r, /^error: .*cluster\.db.*file is not a database$/);
      }
      expect(k.fileDigest()).toBe(digest);
    } finally {
      k.dispose();
    }
  });

  it.concurrent('a cluster.db with garbage written over its pages: reads and writes fail, the file is left alone', async ({ expect }) => {
    const k = template.copy();
    try {
      const size = statSync(k.dbFile).size;
      const fd = openSync(k.dbFile, 'r+');
      try {
        const garbage = Buffer.alloc(size - 100, 0x5a);
        writeSync(fd, garbage, 0, garbage.length, 100);
      } finally {
        closeSync(fd);
      }
      const digest = k.fileDigest();
      const bytes = readFileSync(k.dbFile);
      expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      for (const args of [['get', 'pods'], ['scale', '--replicas=2', 'rc', 'nginx']]) {
        const r = await k.run(args);
        expectRejected(expect, r, /^error: .*cluster\.db.*(malformed|not a database)/);
      }
      expect(k.fileDigest()).toBe(digest);
    } finally {
      k.dispose();
    }
  });
});
