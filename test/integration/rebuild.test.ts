import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/log/open.js';
import type { KubeObject } from '../../src/model/types.js';
import { KINDS } from '../../src/model/types.js';
import { foldLog } from '../../src/projections/rebuild.js';
import { SqliteStore } from '../../src/projections/sqlite-store.js';
import { keyOf, keyString } from '../../src/projections/store.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedManifest = path.resolve(root, '../shared/seed/webserver-rc.yaml');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kubelog-rebuild-'));

function kubelog(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(root, 'dist/cli/main.js'), '--data', dataDir, ...args], { encoding: 'utf8' });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('projections are a pure fold of the log', () => {
  it('given a whole session through the CLI, when the log is folded from scratch, then it equals the live projection tables', async () => {
    kubelog('init', '--nodes', '2');
    kubelog('run', 'nginx', '--image=nginx', '--replicas=1');
    const [first] = kubelog('get', 'pods', '-o', 'name').trim().split('\n');
    kubelog('delete', first!);
    kubelog('scale', '--replicas=3', 'rc', 'nginx');
    kubelog('create', '-f', seedManifest);
    kubelog('create', 'namespace', 'staging');
    kubelog('run', 'web', '--image=nginx:1.9.7', '--replicas=2', '-n', 'staging');
    kubelog('scale', '--replicas=1', 'rc/nginx');
    kubelog('delete', 'rc', 'webserver-rc');
    kubelog('delete', 'namespace', 'staging');

    const store = new SqliteStore(await openDatabase(dataDir));
    try {
      const folded = await foldLog((after, limit) => store.entriesAfter(after, limit), 7);
      const live = new Map<string, KubeObject>();
      for (const kind of KINDS) {
        for (const object of await store.list({ kind })) live.set(keyString(keyOf(object)), object);
      }
      expect(live.size).toBeGreaterThan(10);
      expect([...folded.keys()].sort()).toEqual([...live.keys()].sort());
      for (const [key, object] of live) expect(folded.get(key), key).toEqual(object);
    } finally {
      await store.close();
    }
  });
});
