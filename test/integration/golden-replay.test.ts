import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli/main.js');
const seedManifest = path.resolve(root, '../shared/seed/webserver-rc.yaml');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kubelog-golden-'));
const exec = promisify(execFile);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function kubelog(args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await exec(process.execPath, [cli, '--data', dataDir, ...args], { env: { ...process.env, ...env } });
  return stdout;
}

/** What a user looks at after each step; `describe pod` takes the first pod listed, if any. */
async function look(at: readonly string[], env: Record<string, string> = {}): Promise<Record<string, string>> {
  const pods = await kubelog(['get', 'pods', ...at], env);
  const firstPod = pods.split('\n')[1]?.split(/\s+/)[0];
  const rcs = await kubelog(['get', 'rc', ...at], env);
  return {
    pods,
    rcs,
    events: await kubelog(['get', 'events', ...at], env),
    describePod: firstPod ? await kubelog(['describe', 'pod', firstPod, ...at], env) : '',
    describeRC: rcs.includes('\nnginx ') ? await kubelog(['describe', 'rc', 'nginx', ...at], env) : '',
  };
}

interface Capture {
  readonly step: string;
  readonly revision: number;
  readonly time: string;
  readonly output: Record<string, string>;
}

function head(): { revision: number; time: number } {
  const db = new Database(path.join(dataDir, 'cluster.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT seq, time FROM log ORDER BY seq DESC LIMIT 1').get() as { seq: number; time: number };
    return { revision: row.seq, time: row.time };
  } finally {
    db.close();
  }
}

describe('exact replay of a virtual-clock session', () => {
  it.skipIf(!existsSync(seedManifest))('given captures after every step, then --at each captured moment prints them byte for byte, with and without snapshots', async () => {
    const steps: string[][] = [
      ['init', '--clock', 'virtual', '--start', '2015-12-09T10:34:18Z', '--nodes', '2'],
      ['run', 'nginx', '--image=nginx', '--replicas=1'],
      ['clock', 'advance', '13s'],
      ['clock', 'advance', '8m'],
      ['delete', '<first nginx pod>'],
      ['clock', 'advance', '11s'],
      ['clock', 'advance', '9m'],
      ['scale', '--replicas=3', 'rc', 'nginx'],
      ['clock', 'advance', '15s'],
      ['create', '-f', seedManifest],
      ['clock', 'advance', '1h30m'],
      ['scale', '--replicas=1', 'rc/nginx'],
      ['clock', 'advance', '2h'],
      ['create', 'namespace', 'staging'],
      ['run', 'web', '--image=nginx:1.9.7', '--replicas=2', '-n', 'staging'],
      ['clock', 'advance', '30s'],
      ['delete', 'rc', 'webserver-rc'],
      ['clock', 'advance', '5m'],
      ['scale', '--replicas=4', 'rc', 'nginx'],
      ['clock', 'advance', '3s'],
      ['delete', 'pods', '-l', 'run=web', '-n', 'staging'],
      ['clock', 'advance', '1h'],
      ['scale', '--replicas=2', 'rc', 'nginx'],
      ['clock', 'advance', '20s'],
    ];
    const captures: Capture[] = [];
    for (const step of steps) {
      if (step.includes('<first nginx pod>')) {
        const name = (await kubelog(['get', 'pods', '-o', 'name'])).split('\n')[0]!;
        step.splice(step.indexOf('<first nginx pod>'), 1, name);
      }
      await kubelog(step);
      const { revision, time } = head();
      captures.push({ step: step.join(' '), revision, time: new Date(time).toISOString(), output: await look([]) });
    }
    expect(captures.length).toBeGreaterThanOrEqual(20);
    expect(captures.at(-1)!.output['pods']!.split('\n').filter((l) => /\bRunning\b/.test(l))).toHaveLength(2);

    // A time names the last revision at or before it, so it reproduces the last capture made at that instant.
    const lastAtTime = new Map(captures.map((c) => [c.time, c]));
    const replay = async (env: Record<string, string>, byTime: boolean) => {
      const checks = captures.flatMap((c) => [
        { capture: c, at: `rev:${c.revision}` },
        ...(byTime && lastAtTime.get(c.time) === c ? [{ capture: c, at: c.time }] : []),
      ]);
      // Each read is its own process; a few at a time keep both cores busy.
      const pending = [...checks];
      const worker = async () => {
        for (let check = pending.shift(); check; check = pending.shift()) {
          expect(await look([`--at=${check.at}`], env), `${check.capture.step} at ${check.at}`).toEqual(check.capture.output);
        }
      };
      await Promise.all([worker(), worker(), worker()]);
    };

    await replay({ KUBELOG_SNAPSHOT_INTERVAL: '7' }, true);
    const db = new Database(path.join(dataDir, 'cluster.db'));
    const snapshots = (db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n;
    db.prepare('DELETE FROM snapshots').run();
    db.close();
    expect(snapshots).toBeGreaterThanOrEqual(2);
    await replay({ KUBELOG_SNAPSHOT_INTERVAL: '1000000' }, false);
  }, 600_000);
});
