import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli/main.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kubelog-concurrency-'));
const run = promisify(execFile);

function kubelog(...args: string[]): string {
  return execFileSync(process.execPath, [cli, '--data', dataDir, ...args], { encoding: 'utf8' });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
  });
});
