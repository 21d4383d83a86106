// Helpers for the end-to-end tests: run the BUILT CLI (dist/cli/main.js) as a
// user would, each cluster in its own temporary data directory, and read what
// it prints. `npm test` builds first, so dist is fresh.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');

if (!existsSync(CLI)) {
  throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm test\` does it)`);
}

/** A file of the shared seed (the repository's parent holds shared/seed), or a clear failure. */
export function seedFile(name: string): string {
  const file = path.resolve(ROOT, '..', 'shared', 'seed', name);
  if (!existsSync(file)) {
    throw new Error(`seed file ${file} is missing: the e2e tests expect the repository's parent directory to hold shared/seed/${name}`);
  }
  return file;
}

export interface Result {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code; null if the process was ended by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunOptions {
  /** Written to the process's stdin (which is closed either way). */
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kills the process after this long; a hung CLI fails the test instead of the run. */
  readonly timeoutMs?: number;
}

/** The environment a CLI process gets: this one, minus anything that would point it elsewhere. */
function cliEnv(dataDir: string, extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KUBELOG_DATA: dataDir, ...extra };
  delete env['NODE_OPTIONS'];
  return env;
}

/** Starts `node dist/cli/main.js ARGS` on a data directory; for long-running verbs such as `get -w`. */
export function spawnCli(dataDir: string, args: readonly string[], env?: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv(dataDir, env) });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  return child;
}

/** Runs `node dist/cli/main.js ARGS` to completion with KUBELOG_DATA=dataDir. */
export function runCli(dataDir: string, args: readonly string[], options: RunOptions = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(dataDir, args, options.env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const timeoutMs = options.timeoutMs ?? 30_000;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') {
        reject(new Error(`kubelog ${args.join(' ')} did not finish within ${timeoutMs}ms\nstdout: ${stdout}\nstderr: ${stderr}`));
      } else {
        resolve({ stdout, stderr, code, signal });
      }
    });
    child.stdin.on('error', () => undefined); // the CLI may exit without reading stdin
    child.stdin.end(options.input ?? '');
  });
}

/** A cluster in a temporary data directory, driven through the CLI. */
export class Cluster {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(path.join(os.tmpdir(), 'kubelog-e2e-'));
  }

  /** `kubelog ARGS` on this cluster's data directory. */
  run(args: readonly string[], options?: RunOptions): Promise<Result> {
    return runCli(this.dir, args, options);
  }

  spawn(args: readonly string[], env?: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
    return spawnCli(this.dir, args, env);
  }

  /** `kubelog ARGS`, which must succeed quietly: stdout is returned, and stderr must be empty. */
  async ok(args: readonly string[], options?: RunOptions): Promise<string> {
    const result = await this.run(args, options);
    if (result.code !== 0 || result.stderr !== '') {
      throw new Error(`kubelog ${args.join(' ')} failed (exit ${result.code}):\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
    }
    return result.stdout;
  }

  get dbFile(): string {
    return path.join(this.dir, 'cluster.db');
  }

  /** Runs `read` on a read-only connection to the cluster's log, closed afterwards. */
  query<T>(read: (db: Database.Database) => T): T {
    const db = new Database(this.dbFile, { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  /** How many entries the log holds. */
  logCount(): number {
    return this.query((db) => (db.prepare('SELECT count(*) AS n FROM log').get() as { n: number }).n);
  }

  /** The highest `seq` of the log (0 when empty). */
  head(): number {
    return this.query((db) => (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM log').get() as { n: number }).n);
  }

  /** sha256 of cluster.db and its WAL, to prove a command left the files alone. */
  fileDigest(): string {
    const hash = createHash('sha256');
    for (const suffix of ['', '-wal']) {
      const file = this.dbFile + suffix;
      hash.update(`${suffix}:${existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : '-'};`);
    }
    return hash.digest('hex');
  }

  /** A new cluster whose data directory is a copy of this one's (the CLI must not be running on it). */
  copy(): Cluster {
    const other = new Cluster();
    cpSync(this.dir, other.dir, { recursive: true });
    return other;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A cluster for the tests of the current describe block: one shared by all of
 * them (`'all'`, for tests that are sequential steps), or a fresh one per test
 * (`'each'`). Its data directory is removed afterwards.
 */
export function useCluster(scope: 'all' | 'each' = 'each'): { readonly current: Cluster } {
  const holder: { current: Cluster } = { current: undefined as unknown as Cluster };
  const before = scope === 'all' ? beforeAll : beforeEach;
  const after = scope === 'all' ? afterAll : afterEach;
  before(() => {
    holder.current = new Cluster();
  });
  after(() => {
    holder.current.dispose();
  });
  return holder;
}

/**
 * A describe block whose tests are sequential steps, run beside the file's
 * other scenarios. Vitest runs one file at a time on a small machine, and the
 * time goes to CLI processes, so independent scenarios overlap.
 */
export function scenario(name: string, body: () => void): void {
  describe(name, { concurrent: true }, body);
}

/** A test of a scenario: runs after the previous step of the same scenario. */
export const step = it.sequential;

// ---- reading what kubectl prints ----

/** A `get` table: the header's words, and each row's cells keyed by them. */
export interface Table {
  readonly header: string[];
  readonly rows: Record<string, string>[];
}

/**
 * Parses a tabwriter-aligned table (kubectl `get`, or describe's Events after
 * expandTabs) by the columns where the header's words start, so that empty
 * cells and cells with spaces read right, and a misaligned row shows up as
 * garbage. The last column takes the rest of the line.
 */
export function parseTable(text: string): Table {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const [headerLine, ...rest] = lines;
  if (headerLine === undefined) return { header: [], rows: [] };
  const starts: number[] = [];
  const header: string[] = [];
  for (const m of headerLine.matchAll(/\S+/g)) {
    starts.push(m.index);
    header.push(m[0]);
  }
  const rows = rest.map((line) => {
    const chars = [...line];
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : chars.length;
      row[name] = chars.slice(starts[i], end).join('').trim();
    });
    return row;
  });
  return { header, rows };
}

/** Replaces tabs by spaces up to the next multiple of `width`, counting code points as Go's tabwriter does. */
export function expandTabs(line: string, width = 8): string {
  let out = '';
  let column = 0;
  for (const ch of line) {
    if (ch === '\t') {
      const pad = width - (column % width);
      out += ' '.repeat(pad);
      column += pad;
    } else {
      out += ch;
      column++;
    }
  }
  return out;
}

/** One line of `describe` before its Events: a `Label:` with its value, or a plain line. */
export interface DescribeLine {
  readonly indent: number;
  /** The label without its colon, or the line's words joined by one space. */
  readonly label: string;
  readonly value: string | undefined;
  /** The column where the value starts once tabs are expanded. */
  readonly valueColumn: number | undefined;
}

export interface Described {
  readonly lines: DescribeLine[];
  /** label → value of the first line with that label. */
  readonly fields: Map<string, string>;
  /** The Events table, parsed by its header's columns. */
  readonly events: Table;
  readonly eventsHeader: string;
  readonly eventsRule: string;
}

/** Parses `kubectl describe` output: the labelled fields in order, then the Events table. */
export function parseDescribe(text: string): Described {
  const all = text.split('\n');
  const eventsAt = all.findIndex((l) => l === 'Events:');
  const body = eventsAt >= 0 ? all.slice(0, eventsAt) : all;
  const lines: DescribeLine[] = [];
  const fields = new Map<string, string>();
  for (const raw of body) {
    if (raw.trim() === '') continue;
    const indent = raw.length - raw.trimStart().length;
    const m = /^\s*([^\t:]+):(?:(\t+)(.*))?$/.exec(raw);
    if (m) {
      const label = m[1]!;
      const value = m[3] ?? '';
      const valueColumn = m[2] === undefined ? undefined : expandTabs(raw).length - [...value].length;
      lines.push({ indent, label, value, valueColumn });
      if (!fields.has(label)) fields.set(label, value);
    } else {
      lines.push({ indent, label: raw.trim().split(/\s+/).join(' '), value: undefined, valueColumn: undefined });
    }
  }
  const eventLines = eventsAt >= 0 ? all.slice(eventsAt + 1).filter((l) => l.trim() !== '') : [];
  const [eventsHeader = '', eventsRule = '', ...eventRows] = eventLines.map((l) => expandTabs(l));
  const events = parseTable([eventsHeader, ...eventRows].join('\n'));
  return { lines, fields, events, eventsHeader, eventsRule };
}

/** The lines of a command's stderr; a kubectl-style error is exactly one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const AGE = /^\d+[smhd]$/;
/** Go's time.RFC1123Z, as kubectl v1.1's describe prints times: `Wed, 09 Dec 2015 10:34:18 +0000`. */
export const RFC1123Z = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
