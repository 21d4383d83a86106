import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli/main.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kubelog-concurrency-'));
const run = promisify(execFile);

function kubelog(...args: string[]): string {
  return execFileSync(process.execPath, [cli, '--data', dataDir, ...args], { encoding: 'utf8' });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** How many times each pod's container was started, by pod name, from the log itself. */
function startsPerPod(dir: string): Map<string, number> {
  const db = new Database(path.join(dir, 'cluster.db'), { readonly: true });
  try {
    const rows = db.prepare("SELECT name, count(*) AS n FROM log WHERE type = 'ContainerStarted' GROUP BY name").all() as { name: string; n: number }[];
    return new Map(rows.map((r) => [r.name, r.n]));
  } finally {
    db.close();
  }
}

describe('several processes on one data directory', () => {
  it('given an RC, when two scale commands run at once, then the pods equal the replicas of whichever came last, never more', async () => {
    kubelog('init', '--nodes', '3');
    kubelog('run', 'nginx', '--image=nginx', '--replicas=1');
    for (const [a, b] of [[5, 3], [2, 6], [4, 4]] as const) {
      await Promise.all([
        run(process.execPath, [cli, '--data', dataDir, 'scale', `--replicas=${a}`, 'rc', 'nginx']),
        run(process.execPath, [cli, '--data', dataDir, 'scale', `--replicas=${b}`, 'rc', 'nginx']),
      ]);
      const desired = JSON.parse(kubelog('get', 'rc', 'nginx', '-o', 'json')).spec.replicas as number;
      expect([a, b]).toContain(desired);
      const pods = kubelog('get', 'pods', '--no-headers').trim().split('\n');
      expect(pods).toHaveLength(desired);
      expect(pods.every((line) => /\s1\/1\s+Running\s/.test(line))).toBe(true);
    }
    expect([...startsPerPod(dataDir).values()].every((n) => n === 1)).toBe(true);
  });

  it('given a new data directory, when two runs start at once, then one cluster holds both, each container started once', async () => {
    for (let i = 0; i < 4; i++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'kubelog-concurrency-'));
      try {
        await Promise.all(['a', 'b'].map((name) => run(process.execPath, [cli, '--data', dir, 'run', name, '--image=nginx'])));
        const pods = execFileSync(process.execPath, [cli, '--data', dir, 'get', 'pods', '--no-headers'], { encoding: 'utf8' }).trim().split('\n');
        expect(pods).toHaveLength(2);
        expect(pods.every((line) => /\s1\/1\s+Running\s/.test(line))).toBe(true);
        expect([...startsPerPod(dir).values()]).toEqual([1, 1]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
