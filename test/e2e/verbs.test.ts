// The verbs and flags beyond the walkthrough, run through the built CLI.

import os from 'node:os';
import path from 'node:path';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type Cluster, lines, parseDescribe, parseTable, runCli, scenario, seedFile, step, useCluster, waitFor } from './cli.js';

const POD_HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
const RC_HEADER = ['CONTROLLER', 'CONTAINER(S)', 'IMAGE(S)', 'SELECTOR', 'REPLICAS', 'AGE'];
const EVENTS_HEADER = ['FIRSTSEEN', 'LASTSEEN', 'COUNT', 'NAME', 'KIND', 'SUBOBJECT', 'REASON', 'SOURCE', 'MESSAGE'];
const NODES_HEADER = ['NAME', 'LABELS', 'STATUS', 'AGE'];
const NAMESPACES_HEADER = ['NAME', 'LABELS', 'STATUS', 'AGE'];

interface KubeList {
  apiVersion: string;
  kind: string;
  items: KubeObj[];
}
interface KubeObj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; uid: string; resourceVersion: string };
  spec: Record<string, unknown> & { nodeName?: string; replicas?: number; selector?: Record<string, string> };
  status: Record<string, unknown> & { phase?: string; podIP?: string; hostIP?: string };
  type?: string;
  reason?: string;
  involvedObject?: { kind: string; name: string };
}

/** A bare pod (no RC), for selectors that must also see unlabelled-by-run pods. */
function podManifest(name: string, labels: Record<string, string>, namespace?: string): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, ...(namespace ? { namespace } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });
}

function names(stdout: string): string[] {
  return parseTable(stdout).rows.map((r) => r['NAME']!).sort();
}

function writeTemp(k: Cluster, name: string, text: string): string {
  const file = path.join(k.dir, name);
  writeFileSync(file, text);
  return file;
}

scenario('get: output formats, selectors, namespaces and short names', () => {
  const cluster = useCluster('all');
  const k = () => cluster.current;
  let nginxPod = '';
  let xPod = '';
  let zPod = '';
  let nginxJson: KubeObj | undefined;

  step('sets up: run nginx, run x, a bare pod `solo`, namespace other with run z', async () => {
    await k().ok(['run', 'nginx', '--image=nginx']);
    await k().ok(['run', 'x', '--image=busybox']);
    expect(await k().ok(['create', '-f', writeTemp(k(), 'solo.json', podManifest('solo', { app: 'solo' }))])).toBe('pod "solo" created\n');
    expect(await k().ok(['create', 'namespace', 'other'])).toBe('namespace "other" created\n');
    await k().ok(['run', 'z', '--image=nginx', '-n', 'other']);
    const pods = names(await k().ok(['get', 'pods']));
    expect(pods).toHaveLength(3);
    nginxPod = pods.find((n) => n.startsWith('nginx-'))!;
    xPod = pods.find((n) => n.startsWith('x-'))!;
    expect(nginxPod).toMatch(/^nginx-[a-z0-9]{5}$/);
    expect(xPod).toMatch(/^x-[a-z0-9]{5}$/);
    expect(pods).toContain('solo');
    zPod = names(await k().ok(['get', 'pods', '-n', 'other']))[0]!;
    expect(zPod).toMatch(/^z-[a-z0-9]{5}$/);
  });

  step('-o json of a listing prints a v1 List of the objects', async () => {
    const list = JSON.parse(await k().ok(['get', 'pods', '-o', 'json'])) as KubeList;
    expect(list.apiVersion).toBe('v1');
    expect(list.kind).toBe('List');
    expect(list.items.map((p) => p.metadata.name).sort()).toEqual([nginxPod, 'solo', xPod].sort());
    for (const pod of list.items) {
      expect(pod).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default' }, status: { phase: 'Running' } });
      expect(pod.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(pod.metadata.resourceVersion).toMatch(/^\d+$/);
    }
  });

  step('-o json of `get pod NAME` prints the object itself', async () => {
    const pod = JSON.parse(await k().ok(['get', 'pod', nginxPod, '-o', 'json'])) as KubeObj;
    nginxJson = pod;
    expect(pod).toMatchObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: nginxPod, namespace: 'default', labels: { run: 'nginx' } },
      spec: { nodeName: '10.0.3.254' },
      status: { phase: 'Running', hostIP: '10.0.3.254' },
    });
    expect(pod.status.podIP).toMatch(/^172\.17\.\d+\.\d+$/);
    const rc = JSON.parse(await k().ok(['get', 'rc/nginx', '-o', 'json'])) as KubeObj;
    expect(rc).toMatchObject({ kind: 'ReplicationController', metadata: { name: 'nginx' }, spec: { replicas: 1, selector: { run: 'nginx' } } });
  });

  step('-o yaml prints the same objects as YAML', async () => {
    const list = parseYaml(await k().ok(['get', 'rc', '-o', 'yaml'])) as KubeList;
    expect(list.kind).toBe('List');
    expect(list.items.map((rc) => rc.metadata.name)).toEqual(['nginx', 'x']);
    // Nothing changed since the previous step read it as JSON.
    const yamlText = await k().ok(['get', 'pod', nginxPod, '-o', 'yaml']);
    expect(yamlText.startsWith('apiVersion: v1\n')).toBe(true);
    expect(parseYaml(yamlText)).toEqual(nginxJson);
  });

  step('-o name prints TYPE/NAME lines', async () => {
    expect(lines(await k().ok(['get', 'pods', '-o', 'name'])).sort()).toEqual([`pod/${nginxPod}`, 'pod/solo', `pod/${xPod}`].sort());
    expect(await k().ok(['get', 'rc', '-o', 'name'])).toBe('replicationcontroller/nginx\nreplicationcontroller/x\n');
  });

  step('-o wide adds the NODE column', async () => {
    const table = parseTable(await k().ok(['get', 'pods', '-o', 'wide']));
    expect(table.header).toEqual([...POD_HEADER, 'NODE']);
    expect(table.rows).toHaveLength(3);
    for (const row of table.rows) expect(row['NODE']).toBe('10.0.3.254');
  });

  step('--no-headers prints the rows without the header', async () => {
    const r = await k().run(['get', 'pods', '--no-headers']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const rows = lines(r.stdout).map((l) => l.split(/\s+/));
    expect(rows.map(([name]) => name).sort()).toEqual([nginxPod, 'solo', xPod].sort());
    for (const row of rows) expect(row.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
  });

  step('--show-labels adds a LABELS column', async () => {
    const table = parseTable(await k().ok(['get', 'pods', '--show-labels']));
    expect(table.header).toEqual([...POD_HEADER, 'LABELS']);
    expect(Object.fromEntries(table.rows.map((r) => [r['NAME'], r['LABELS']]))).toEqual({
      [nginxPod]: 'run=nginx',
      [xPod]: 'run=x',
      solo: 'app=solo',
    });
  });

  step('-l with an equality selector', async () => {
    expect(names(await k().ok(['get', 'pods', '-l', 'run=nginx']))).toEqual([nginxPod]);
    expect(names(await k().ok(['get', 'pods', '-l', 'run!=nginx']))).toEqual(['solo', xPod].sort());
    expect(parseTable(await k().ok(['get', 'rc', '-l', 'run=x'])).rows.map((r) => r['CONTROLLER'])).toEqual(['x']);
  });

  step('-l with set-based selectors: in, notin, exists, !exists', async () => {
    expect(names(await k().ok(['get', 'pods', '-l', 'run in (nginx,x)']))).toEqual([nginxPod, xPod].sort());
    expect(names(await k().ok(['get', 'pods', '-l', 'run notin (nginx)']))).toEqual(['solo', xPod].sort());
    expect(names(await k().ok(['get', 'pods', '-l', 'run']))).toEqual([nginxPod, xPod].sort());
    expect(names(await k().ok(['get', 'pods', '-l', '!run']))).toEqual(['solo']);
    // Requirements are ANDed; nothing matches both (`-o name` prints nothing, and no notice).
    expect(await k().run(['get', 'pods', '-l', 'run,app=solo', '-o', 'name'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  step('-n shows another namespace; the default namespace does not see it', async () => {
    expect(names(await k().ok(['get', 'pods', '-n', 'other']))).toEqual([zPod]);
    expect(parseTable(await k().ok(['get', 'rc', '--namespace', 'other'])).rows.map((r) => r['CONTROLLER'])).toEqual(['z']);
    const notThere = await k().run(['get', 'pod', zPod]);
    expect(notThere).toMatchObject({ code: 1, stdout: '', stderr: `Error from server: pods "${zPod}" not found\n` });
  });

  step('--all-namespaces adds a NAMESPACE column and lists every namespace', async () => {
    const pods = parseTable(await k().ok(['get', 'pods', '--all-namespaces']));
    expect(pods.header).toEqual(['NAMESPACE', ...POD_HEADER]);
    expect(pods.rows.map((r) => `${r['NAMESPACE']}/${r['NAME']}`).sort()).toEqual(
      [`default/${nginxPod}`, 'default/solo', `default/${xPod}`, `other/${zPod}`].sort(),
    );
    const rcs = parseTable(await k().ok(['get', 'rc', '--all-namespaces']));
    expect(rcs.header).toEqual(['NAMESPACE', ...RC_HEADER]);
    expect(rcs.rows.map((r) => `${r['NAMESPACE']}/${r['CONTROLLER']}`).sort()).toEqual(['default/nginx', 'default/x', 'other/z']);
  });

  step('short names po, rc, ev, no, ns', async () => {
    const po = parseTable(await k().ok(['get', 'po']));
    expect(po.header).toEqual(POD_HEADER);
    expect(po.rows.map((r) => r['NAME']).sort()).toEqual([nginxPod, 'solo', xPod].sort());
    const rc = parseTable(await k().ok(['get', 'rc']));
    expect(rc.header).toEqual(RC_HEADER);
    expect(rc.rows.map((r) => r['CONTROLLER'])).toEqual(['nginx', 'x']);
    const ev = parseTable(await k().ok(['get', 'ev']));
    expect(ev.header).toEqual(EVENTS_HEADER);
    expect(new Set(ev.rows.map((r) => r['NAME']))).toEqual(new Set(['nginx', nginxPod, 'x', xPod, 'solo']));
    const no = parseTable(await k().ok(['get', 'no']));
    expect(no.header).toEqual(NODES_HEADER);
    expect(no.rows).toEqual([{ NAME: '10.0.3.254', LABELS: 'kubernetes.io/hostname=10.0.3.254', STATUS: 'Ready', AGE: no.rows[0]?.['AGE'] }]);
    const ns = parseTable(await k().ok(['get', 'ns']));
    expect(ns.header).toEqual(NAMESPACES_HEADER);
    expect(ns.rows.map((r) => [r['NAME'], r['LABELS'], r['STATUS']])).toEqual([
      ['default', '<none>', 'Active'],
      ['other', '<none>', 'Active'],
    ]);
  });

  step('the full name replicationcontrollers', async () => {
    expect(await k().ok(['get', 'replicationcontrollers', '-o', 'name'])).toBe('replicationcontroller/nginx\nreplicationcontroller/x\n');
  });

  step('TYPE/NAME and several names', async () => {
    expect(parseTable(await k().ok(['get', 'rc/nginx'])).rows.map((r) => r['CONTROLLER'])).toEqual(['nginx']);
    expect(names(await k().ok(['get', `po/${nginxPod}`]))).toEqual([nginxPod]);
    const two = JSON.parse(await k().ok(['get', 'pods', nginxPod, 'solo', '-o', 'json'])) as KubeList;
    expect(two.kind).toBe('List');
    expect(two.items.map((p) => p.metadata.name)).toEqual([nginxPod, 'solo']);
  });

  step('KUBELOG_DATA and --data name the same data directory', async () => {
    // Every other test passes KUBELOG_DATA; here it points elsewhere and --data wins.
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'kubelog-e2e-'));
    try {
      const viaFlag = await runCli(elsewhere, ['--data', k().dir, 'get', 'rc', '-o', 'name']);
      expect(viaFlag).toEqual({ code: 0, signal: null, stderr: '', stdout: 'replicationcontroller/nginx\nreplicationcontroller/x\n' });
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

scenario('namespaces and create -f', () => {
  const cluster = useCluster('all');
  const k = () => cluster.current;

  step('create namespace x prints `namespace "x" created` and it is Active', async () => {
    const r = await k().run(['create', 'namespace', 'x']);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'namespace "x" created\n' });
    const row = parseTable(await k().ok(['get', 'ns', 'x'])).rows;
    expect(row.map((r) => [r['NAME'], r['STATUS']])).toEqual([['x', 'Active']]);
  });

  step('objects in a missing namespace are refused: `namespaces "missing" not found`', async () => {
    const before = k().logCount();
    const run = await k().run(['run', 'q', '--image=nginx', '-n', 'missing']);
    expect(run).toEqual({ code: 1, signal: null, stdout: '', stderr: 'Error from server: namespaces "missing" not found\n' });
    const file = writeTemp(k(), 'in-missing.json', podManifest('p', { a: 'b' }, 'missing'));
    const create = await k().run(['create', '-f', file]);
    expect(create).toEqual({ code: 1, signal: null, stdout: '', stderr: 'Error from server: namespaces "missing" not found\n' });
    expect(k().logCount()).toBe(before);
  });

  step('create -f FILE with several documents: a Namespace and a Pod in it', async () => {
    const file = writeTemp(
      k(),
      'ns-and-pod.yaml',
      [
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n',
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n  namespace: ns1\n  labels:\n    app: one\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
      ].join('---\n'),
    );
    const r = await k().run(['create', '-f', file]);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'namespace "ns1" created\npod "p1" created\n' });
    const pods = parseTable(await k().ok(['get', 'pods', '-n', 'ns1', '--show-labels'])).rows;
    expect(pods).toEqual([{ NAME: 'p1', READY: '1/1', STATUS: 'Running', RESTARTS: '0', AGE: pods[0]?.['AGE'], LABELS: 'app=one' }]);
  });

  step('create -f - reads several documents from stdin: a Namespace and a Pod in it', async () => {
    const input = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns2\n',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p2\n  namespace: ns2\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    ].join('---\n');
    const r = await k().run(['create', '-f', '-'], { input });
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'namespace "ns2" created\npod "p2" created\n' });
    expect(names(await k().ok(['get', 'pods', '-n', 'ns2']))).toEqual(['p2']);
  });

  step('create -f - reads a List from stdin', async () => {
    const input = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        JSON.parse(podManifest('l1', { from: 'list' })),
        {
          apiVersion: 'v1',
          kind: 'ReplicationController',
          metadata: { name: 'lrc' },
          spec: {
            replicas: 2,
            selector: { app: 'lrc' },
            template: { metadata: { labels: { app: 'lrc' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
          },
        },
      ],
    });
    const r = await k().run(['create', '-f', '-'], { input });
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'pod "l1" created\nreplicationcontroller "lrc" created\n' });
    expect(names(await k().ok(['get', 'pods', '-l', 'app=lrc']))).toHaveLength(2);
    expect(names(await k().ok(['get', 'pods', '-l', 'from=list']))).toEqual(['l1']);
  });

  step('create -f FILE with a List (JSON)', async () => {
    const file = writeTemp(
      k(),
      'list.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(podManifest('f1', { from: 'file' })), JSON.parse(podManifest('f2', { from: 'file' }))] }),
    );
    expect(await k().ok(['create', '-f', file])).toBe('pod "f1" created\npod "f2" created\n');
    expect(names(await k().ok(['get', 'pods', '-l', 'from=file']))).toEqual(['f1', 'f2']);
  });
});

scenario('delete', () => {
  const cluster = useCluster('all');
  const k = () => cluster.current;

  step('delete rc NAME removes the RC and its pods', async () => {
    await k().ok(['run', 'nginx', '--image=nginx', '--replicas=2']);
    await k().ok(['run', 'x', '--image=busybox']);
    const r = await k().run(['delete', 'rc', 'nginx']);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'replicationcontroller "nginx" deleted\n' });
    expect(parseTable(await k().ok(['get', 'rc'])).rows.map((row) => row['CONTROLLER'])).toEqual(['x']);
    const left = await k().run(['get', 'pods', '-o', 'name']);
    expect(left.code).toBe(0);
    expect(lines(left.stdout)).toHaveLength(1);
    expect(lines(left.stdout)[0]).toMatch(/^pod\/x-[a-z0-9]{5}$/);
  });

  step('delete pods -l SELECTOR deletes the matching pods (and the RC replaces them)', async () => {
    const before = names(await k().ok(['get', 'pods', '-l', 'run=x']));
    expect(before).toHaveLength(1);
    const r = await k().run(['delete', 'pods', '-l', 'run=x']);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: `pod "${before[0]}" deleted\n` });
    const after = parseTable(await k().ok(['get', 'pods', '-l', 'run=x'])).rows;
    expect(after).toHaveLength(1);
    expect(after[0]!['NAME']).not.toBe(before[0]);
    expect(after[0]).toMatchObject({ READY: '1/1', STATUS: 'Running' });
  });

  step('delete -f FILE deletes what the manifest names', async () => {
    const seed = seedFile('webserver-rc.yaml');
    await k().ok(['create', '-f', seed]);
    const r = await k().run(['delete', '-f', seed]);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'replicationcontroller "webserver-rc" deleted\n' });
    expect(lines(await k().ok(['get', 'rc', '-o', 'name']))).toEqual(['replicationcontroller/x']);
    const pods = await k().run(['get', 'pods', '-l', 'app=webserver', '-o', 'name']);
    expect(pods).toMatchObject({ code: 0, stdout: '' });
  });

  step('delete namespace NAME removes the objects in it', async () => {
    await k().ok(['create', 'namespace', 'gone']);
    await k().ok(['run', 'g', '--image=nginx', '-n', 'gone']);
    expect(await k().ok(['delete', 'namespace', 'gone'])).toBe('namespace "gone" deleted\n');
    expect(lines(await k().ok(['get', 'ns', '-o', 'name']))).toEqual(['namespace/default']);
    expect(await k().ok(['get', 'pods', '--all-namespaces', '-o', 'name'])).not.toMatch(/pod\/g-/);
  });
});

scenario('init: nodes and scheduling', () => {
  const cluster = useCluster('each');
  const k = () => cluster.current;

  step('init --nodes 3 registers 10.0.3.254, 10.0.3.253, 10.0.3.252; run --replicas=6 puts 2 pods on each', async () => {
    expect(await k().ok(['init', '--nodes', '3'])).toBe(`cluster initialized in ${k().dir} with 3 nodes\n`);
    const nodes = parseTable(await k().ok(['get', 'nodes']));
    expect(nodes.header).toEqual(NODES_HEADER);
    expect(nodes.rows.map((r) => r['NAME']).sort()).toEqual(['10.0.3.252', '10.0.3.253', '10.0.3.254']);
    for (const row of nodes.rows) expect(row).toMatchObject({ STATUS: 'Ready', LABELS: `kubernetes.io/hostname=${row['NAME']}` });

    await k().ok(['run', 'nginx', '--image=nginx', '--replicas=6']);
    const pods = parseTable(await k().ok(['get', 'pods', '-o', 'wide'])).rows;
    expect(pods).toHaveLength(6);
    const perNode: Record<string, number> = {};
    for (const pod of pods) {
      expect(pod).toMatchObject({ READY: '1/1', STATUS: 'Running' });
      perNode[pod['NODE']!] = (perNode[pod['NODE']!] ?? 0) + 1;
    }
    expect(perNode).toEqual({ '10.0.3.254': 2, '10.0.3.253': 2, '10.0.3.252': 2 });
  });

  step('init --max-pods 1 with 2 replicas: one Running, one Pending with a FailedScheduling Warning', async () => {
    expect(await k().ok(['init', '--max-pods', '1'])).toBe(`cluster initialized in ${k().dir} with 1 node\n`);
    await k().ok(['run', 'nginx', '--image=nginx', '--replicas=2']);
    const pods = parseTable(await k().ok(['get', 'pods', '-o', 'wide'])).rows;
    expect(pods.map((p) => [p['READY'], p['STATUS'], p['NODE']]).sort()).toEqual([
      ['0/1', 'Pending', ''],
      ['1/1', 'Running', '10.0.3.254'],
    ]);
    const pending = pods.find((p) => p['STATUS'] === 'Pending')!['NAME']!;

    const events = parseTable(await k().ok(['get', 'events'])).rows.filter((e) => e['NAME'] === pending);
    const failed = events.filter((e) => e['REASON'] === 'FailedScheduling');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ KIND: 'Pod', SOURCE: '{scheduler }' });
    expect(failed[0]!['MESSAGE']).toContain(`pod (${pending}) failed to fit in any node`);
    expect(failed[0]!['MESSAGE']).toContain('PodExceedsMaxPodNumber');
    expect(events.map((e) => e['REASON'])).not.toContain('Scheduled');

    const json = JSON.parse(await k().ok(['get', 'events', '-o', 'json'])) as KubeList;
    const warnings = json.items.filter((e) => e.type === 'Warning');
    expect(warnings.map((e) => [e.reason, e.involvedObject?.kind, e.involvedObject?.name])).toEqual([['FailedScheduling', 'Pod', pending]]);

    const rc = parseDescribe(await k().ok(['describe', 'rc', 'nginx'])).fields;
    expect(rc.get('Replicas')).toBe('2 current / 2 desired');
    expect(rc.get('Pods Status')).toBe('1 Running / 1 Waiting / 0 Succeeded / 0 Failed');
  });
});

scenario('version', () => {
  const cluster = useCluster('each');

  step('prints the client and server versions, kubectl v1.1 style, without touching the data directory', async () => {
    const r = await cluster.current.run(['version']);
    expect(existsSync(cluster.current.dbFile), 'cluster.db after `version`').toBe(false);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^Client Version: version\.Info\{Major:"1", Minor:"1", GitVersion:"v1\.1\.\d+", GitCommit:"[^"]+", GitTreeState:"clean"\}$/);
    expect(out[1]).toMatch(/^Server Version: version\.Info\{Major:"1", Minor:"1", GitVersion:"v1\.1\.\d+", GitCommit:"[^"]+", GitTreeState:"clean"\}$/);
  });
});

scenario('get -w', () => {
  const cluster = useCluster('each');

  step('prints the listing, then each change as another process scales; SIGINT ends it', async () => {
    const k = cluster.current;
    await k.ok(['run', 'nginx', '--image=nginx']);
    const first = names(await k.ok(['get', 'pods']))[0]!;

    const watch = k.spawn(['get', 'pods', '-w']);
    let stdout = '';
    let stderr = '';
    watch.stdout.on('data', (chunk: string) => (stdout += chunk));
    watch.stderr.on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      watch.on('close', (code, signal) => resolve({ code, signal })),
    );
    try {
      await waitFor(() => stdout.includes(first), 10_000, `the watch to list ${first}`);
      const rows = () => lines(stdout).map((l) => l.trim().split(/\s+/));
      expect(rows()[0]).toEqual(POD_HEADER);

      expect(await k.ok(['scale', '--replicas=3', 'rc', 'nginx'])).toBe('replicationcontroller "nginx" scaled\n');
      const added = names(await k.ok(['get', 'pods'])).filter((n) => n !== first);
      expect(added).toHaveLength(2);
      const runningRow = (name: string) => rows().some(([n, ready, status]) => n === name && ready === '1/1' && status === 'Running');
      await waitFor(() => added.every(runningRow), 10_000, `rows showing ${added.join(', ')} 1/1 Running`);

      const changes = rows().slice(2);
      for (const name of added) {
        const mine = changes.filter(([n]) => n === name);
        expect(mine.length, `rows for ${name}`).toBeGreaterThanOrEqual(2);
        expect(mine[0]!.slice(1, 4), `first row for ${name}`).toEqual(['0/1', 'Pending', '0']);
      }
      // Every row is a state a pod can be in: a container counted ready only once the pod runs.
      for (const [name, ready, status] of changes) {
        expect(`${name} ${ready} ${status}`).not.toMatch(/ 1\/1 (Pending|ContainerCreating)$/);
      }
    } finally {
      watch.kill('SIGINT');
    }
    const end = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5_000))]);
    if (end === 'hung') watch.kill('SIGKILL');
    expect(end, 'the watch exits on SIGINT').not.toBe('hung');
    expect(stderr).toBe('');
  });
});

scenario('--as and the actors in the log', () => {
  const cluster = useCluster('each');

  step("a user's entries carry user:NAME (--as alice), the components' entries system:…", async () => {
    const k = cluster.current;
    await k.ok(['init']);
    const initActors = k.query((db) => db.prepare('SELECT DISTINCT actor FROM log').all() as { actor: string }[]);
    expect(initActors.map((a) => a.actor)).toEqual([`user:${os.userInfo().username}`]);
    const head = k.head();

    await k.ok(['run', 'nginx', '--image=nginx', '--as', 'alice']);
    const entries = k.query((db) => db.prepare('SELECT actor, type FROM log WHERE seq > ? ORDER BY seq').all(head) as { actor: string; type: string }[]);
    const users = entries.filter((e) => e.actor.startsWith('user:'));
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((e) => e.actor))).toEqual(new Set(['user:alice']));
    expect(users.map((e) => e.type)).toContain('ReplicationControllerCreated');
    expect(new Set(entries.map((e) => e.actor))).toEqual(
      new Set(['user:alice', 'system:replication-controller', 'system:scheduler', 'system:kubelet:10.0.3.254']),
    );
    const head2 = k.head();

    await k.ok(['scale', '--replicas=2', 'rc', 'nginx', '--as', 'bob']);
    const scaled = k.query((db) => db.prepare("SELECT DISTINCT actor FROM log WHERE seq > ? AND actor LIKE 'user:%'").all(head2) as { actor: string }[]);
    expect(scaled.map((a) => a.actor)).toEqual(['user:bob']);
  });
});

scenario('several processes at once', () => {
  const cluster = useCluster('each');

  step('two commands on an empty data directory make one cluster between them', async () => {
    const k = cluster.current;
    const [a, b] = await Promise.all([k.run(['run', 'a', '--image=nginx']), k.run(['run', 'b', '--image=nginx'])]);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(b).toMatchObject({ code: 0, stderr: '' });
    expect(await k.ok(['get', 'nodes', '-o', 'name'])).toBe('node/10.0.3.254\n');
    expect(await k.ok(['get', 'ns', '-o', 'name'])).toBe('namespace/default\n');
    expect(lines(await k.ok(['get', 'pods', '-o', 'name']))).toHaveLength(2);
  });

  step('two scale commands at once never leave more pods than the RC asks for', async () => {
    const k = cluster.current;
    await k.ok(['run', 'nginx', '--image=nginx']);
    const results = await Promise.all([k.run(['scale', '--replicas=3', 'rc', 'nginx']), k.run(['scale', '--replicas=5', 'rc', 'nginx'])]);
    for (const r of results) expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'replicationcontroller "nginx" scaled\n' });
    const rc = JSON.parse(await k.ok(['get', 'rc', 'nginx', '-o', 'json'])) as KubeObj;
    expect([3, 5]).toContain(rc.spec.replicas);
    const pods = parseTable(await k.ok(['get', 'pods'])).rows;
    expect(pods).toHaveLength(rc.spec.replicas!);
    for (const pod of pods) expect(pod).toMatchObject({ READY: '1/1', STATUS: 'Running' });
  });
});
