// The seed walkthrough (shared/seed/kubectl-run-teardown.txt), every command in
// order on one data directory, checked against what the seed shows.

import { describe, expect, it } from 'vitest';
import { AGE, type Described, parseDescribe, parseTable, RFC1123Z, seedFile, useCluster } from './cli.js';

const NODE = '10.0.3.254';
const KUBELET = `{kubelet ${NODE}}`;
const SCHEDULER = '{scheduler }';
const RC_SOURCE = '{replication-controller }';
const INFRA = 'implicitly required container POD';
const NGINX = 'spec.containers{nginx}';
const PAUSE_PRESENT = 'Container image "gcr.io/google_containers/pause:0.8.0" already present on machine';
const POD_NAME = /^nginx-[a-z0-9]{5}$/;

const POD_HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
const RC_HEADER = ['CONTROLLER', 'CONTAINER(S)', 'IMAGE(S)', 'SELECTOR', 'REPLICAS', 'AGE'];
const EVENTS_HEADER = ['FIRSTSEEN', 'LASTSEEN', 'COUNT', 'NAME', 'KIND', 'SUBOBJECT', 'REASON', 'SOURCE', 'MESSAGE'];
const DESCRIBE_EVENTS_HEADER = ['FirstSeen', 'LastSeen', 'Count', 'From', 'SubobjectPath', 'Reason', 'Message'];

// `describe pod` field labels in the seed's order (plain lines by their words).
const DESCRIBE_POD_LABELS = [
  'Name',
  'Namespace',
  'Image(s)',
  'Node',
  'Start Time',
  'Labels',
  'Status',
  'Reason',
  'Message',
  'IP',
  'Replication Controllers',
  'Containers',
  'nginx',
  'Container ID',
  'Image',
  'Image ID',
  'State',
  'Started',
  'Ready',
  'Restart Count',
  'Environment Variables',
  'Conditions',
  'Type Status',
  'Ready True',
  'No volumes.',
];

const DESCRIBE_RC_LABELS = ['Name', 'Namespace', 'Image(s)', 'Selector', 'Labels', 'Replicas', 'Pods Status', 'No volumes.'];

type EventRow = readonly [from: string, subobject: string, reason: string, message: string];

/** The seed's seven Events of a pod whose node already had the nginx image. */
function seedPodEvents(pod: string, infraId: string, nginxId: string): EventRow[] {
  return [
    [SCHEDULER, '', 'Scheduled', `Successfully assigned ${pod} to ${NODE}`],
    [KUBELET, INFRA, 'Pulled', PAUSE_PRESENT],
    [KUBELET, INFRA, 'Created', `Created with docker id ${infraId}`],
    [KUBELET, INFRA, 'Started', `Started with docker id ${infraId}`],
    [KUBELET, NGINX, 'Pulled', 'Container image "nginx" already present on machine'],
    [KUBELET, NGINX, 'Created', `Created with docker id ${nginxId}`],
    [KUBELET, NGINX, 'Started', `Started with docker id ${nginxId}`],
  ];
}

/** The same, but the first time the node needs the nginx image: Pulling, then a pull instead of "already present". */
function firstPullPodEvents(pod: string, infraId: string, nginxId: string): EventRow[] {
  const rows = seedPodEvents(pod, infraId, nginxId);
  return [
    ...rows.slice(0, 4),
    [KUBELET, NGINX, 'Pulling', 'pulling image "nginx"'],
    [KUBELET, NGINX, 'Pulled', 'Successfully pulled image "nginx"'],
    ...rows.slice(5),
  ];
}

function eventRows(d: Described): EventRow[] {
  return d.events.rows.map((r) => [r['From']!, r['SubobjectPath']!, r['Reason']!, r['Message']!] as const);
}

/** The short docker id (12 hex) the infra container's Created event names. */
function infraIdOf(d: Described): string {
  const created = d.events.rows.find((r) => r['SubobjectPath'] === INFRA && r['Reason'] === 'Created');
  const id = /^Created with docker id ([0-9a-f]{12})$/.exec(created?.['Message'] ?? '')?.[1];
  expect(id, `an infra container Created event with a 12-hex docker id in ${JSON.stringify(d.events.rows)}`).toBeDefined();
  return id!;
}

/** Checks the seed's `describe pod` shape for a Running nginx pod of RC nginx; returns the parse. */
function checkDescribePod(stdout: string, pod: string, rcReplicas: number): Described {
  const d = parseDescribe(stdout);
  expect(d.lines.map((l) => l.label)).toEqual(DESCRIBE_POD_LABELS);
  const f = d.fields;
  expect(f.get('Name')).toBe(pod);
  expect(f.get('Namespace')).toBe('default');
  expect(f.get('Image(s)')).toBe('nginx');
  expect(f.get('Node')).toBe(`${NODE}/${NODE}`);
  expect(f.get('Start Time')).toMatch(RFC1123Z);
  expect(Math.abs(Date.parse(f.get('Start Time')!) - Date.now())).toBeLessThan(5 * 60_000);
  expect(f.get('Labels')).toBe('run=nginx');
  expect(f.get('Status')).toBe('Running');
  expect(f.get('Reason')).toBe('');
  expect(f.get('Message')).toBe('');
  expect(f.get('IP')).toMatch(/^172\.17\.\d{1,3}\.\d{1,3}$/);
  expect(f.get('Replication Controllers')).toBe(`nginx (${rcReplicas}/${rcReplicas} replicas created)`);
  expect(f.get('Container ID')).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
  expect(f.get('Image')).toBe('nginx');
  expect(f.get('Image ID')).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
  expect(f.get('State')).toBe('Running');
  expect(f.get('Started')).toMatch(RFC1123Z);
  expect(f.get('Ready')).toBe('True');
  expect(f.get('Restart Count')).toBe('0');
  expect(f.get('Environment Variables')).toBe('');
  // The top block (Name … Replication Controllers) is one tabwriter column: values line up.
  const top = d.lines.slice(0, d.lines.findIndex((l) => l.label === 'Containers'));
  expect(new Set(top.map((l) => l.valueColumn)).size, 'top-level values start in one column').toBe(1);
  checkEventsTable(d);
  return d;
}

function checkEventsTable(d: Described): void {
  expect(d.events.header).toEqual(DESCRIBE_EVENTS_HEADER);
  // Each header word is underlined by as many '─' as it has letters.
  expect(d.eventsRule.trim().split(/\s+/)).toEqual(DESCRIBE_EVENTS_HEADER.map((h) => '─'.repeat(h.length)));
  for (const row of d.events.rows) {
    expect(row['FirstSeen']).toMatch(AGE);
    expect(row['LastSeen']).toMatch(AGE);
    expect(row['Count']).toBe('1');
  }
}

function podRows(stdout: string) {
  const table = parseTable(stdout);
  expect(table.header).toEqual(POD_HEADER);
  return table.rows;
}

describe('the seed walkthrough: kubectl run nginx, then its teardown', () => {
  const cluster = useCluster('all');
  const k = () => cluster.current;
  let firstPod = '';
  let secondPod = '';

  it('$ kubectl run nginx --image=nginx --replicas=1 prints the new RC as `get rc` does', async () => {
    const r = await k().run(['run', 'nginx', '--image=nginx', '--replicas=1']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const table = parseTable(r.stdout);
    expect(table.header).toEqual(RC_HEADER);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ CONTROLLER: 'nginx', 'CONTAINER(S)': 'nginx', 'IMAGE(S)': 'nginx', SELECTOR: 'run=nginx', REPLICAS: '1' });
    expect(table.rows[0]!['AGE']).toMatch(AGE);
  });

  it('$ kubectl get pods: one nginx-xxxxx pod, 1/1 Running, no restarts', async () => {
    const rows = podRows(await k().ok(['get', 'pods']));
    expect(rows).toHaveLength(1);
    const [pod] = rows;
    expect(pod!['NAME']).toMatch(POD_NAME);
    expect(pod).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0' });
    expect(pod!['AGE']).toMatch(AGE);
    firstPod = pod!['NAME']!;
  });

  it('$ kubectl describe pod: the seed fields, and Events with a first pull of nginx', async () => {
    const d = checkDescribePod(await k().ok(['describe', 'pod', firstPod]), firstPod, 1);
    const nginxId = d.fields.get('Container ID')!.slice('docker://'.length, 'docker://'.length + 12);
    // The node had never run nginx: Pulling and "Successfully pulled" instead of "already present".
    expect(eventRows(d)).toEqual(firstPullPodEvents(firstPod, infraIdOf(d), nginxId));
  });

  it('$ kubectl get rc: the seed columns and `nginx nginx nginx run=nginx 1`', async () => {
    const table = parseTable(await k().ok(['get', 'rc']));
    expect(table.header).toEqual(RC_HEADER);
    expect(table.rows).toHaveLength(1);
    const { AGE: age, ...rest } = table.rows[0]!;
    expect(rest).toEqual({ CONTROLLER: 'nginx', 'CONTAINER(S)': 'nginx', 'IMAGE(S)': 'nginx', SELECTOR: 'run=nginx', REPLICAS: '1' });
    expect(age).toMatch(AGE);
  });

  it('$ kubectl describe rc nginx: replicas, pods status and the SuccessfulCreate Event', async () => {
    const d = parseDescribe(await k().ok(['describe', 'rc', 'nginx']));
    expect(d.lines.map((l) => l.label)).toEqual(DESCRIBE_RC_LABELS);
    expect(Object.fromEntries(d.fields)).toEqual({
      Name: 'nginx',
      Namespace: 'default',
      'Image(s)': 'nginx',
      Selector: 'run=nginx',
      Labels: 'run=nginx',
      Replicas: '1 current / 1 desired',
      'Pods Status': '1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
    });
    checkEventsTable(d);
    expect(eventRows(d)).toEqual([[RC_SOURCE, '', 'SuccessfulCreate', `Created pod: ${firstPod}`]]);
  });

  it('$ kubectl delete pod X prints `pod "X" deleted`', async () => {
    const r = await k().run(['delete', 'pod', firstPod]);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: `pod "${firstPod}" deleted\n` });
  });

  it('$ kubectl get pods: the RC replaced the pod with a new one, Running', async () => {
    const rows = podRows(await k().ok(['get', 'pods']));
    expect(rows).toHaveLength(1);
    expect(rows[0]!['NAME']).toMatch(POD_NAME);
    expect(rows[0]!['NAME']).not.toBe(firstPod);
    expect(rows[0]).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0' });
    secondPod = rows[0]!['NAME']!;
  });

  it('describe pod of the replacement: exactly the seed\'s seven Events, nginx "already present on machine"', async () => {
    const d = checkDescribePod(await k().ok(['describe', 'pod', secondPod]), secondPod, 1);
    const nginxId = d.fields.get('Container ID')!.slice('docker://'.length, 'docker://'.length + 12);
    expect(eventRows(d)).toEqual(seedPodEvents(secondPod, infraIdOf(d), nginxId));
  });

  it('describe rc nginx after the replacement: two SuccessfulCreate Events', async () => {
    const d = parseDescribe(await k().ok(['describe', 'rc', 'nginx']));
    expect(d.fields.get('Replicas')).toBe('1 current / 1 desired');
    expect(d.fields.get('Pods Status')).toBe('1 Running / 0 Waiting / 0 Succeeded / 0 Failed');
    expect(eventRows(d)).toEqual([
      [RC_SOURCE, '', 'SuccessfulCreate', `Created pod: ${firstPod}`],
      [RC_SOURCE, '', 'SuccessfulCreate', `Created pod: ${secondPod}`],
    ]);
  });

  it('$ kubectl scale --replicas=3 rc nginx prints `replicationcontroller "nginx" scaled`', async () => {
    const r = await k().run(['scale', '--replicas=3', 'rc', 'nginx']);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'replicationcontroller "nginx" scaled\n' });
  });

  it('$ kubectl get pods: three 1/1 Running pods, the previous one among them', async () => {
    const rows = podRows(await k().ok(['get', 'pods']));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row['NAME']).toMatch(POD_NAME);
      expect(row).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0' });
    }
    const names = rows.map((r) => r['NAME']);
    expect(names).toContain(secondPod);
    expect(new Set(names).size).toBe(3);
    const d = parseDescribe(await k().ok(['describe', 'rc', 'nginx']));
    expect(d.fields.get('Replicas')).toBe('3 current / 3 desired');
    expect(d.fields.get('Pods Status')).toBe('3 Running / 0 Waiting / 0 Succeeded / 0 Failed');
  });

  it("$ kubectl get events: the seed's columns, reasons and sources for every pod", async () => {
    const table = parseTable(await k().ok(['get', 'events']));
    expect(table.header).toEqual(EVENTS_HEADER);
    const pods = podRows(await k().ok(['get', 'pods'])).map((r) => r['NAME']!);
    const allPods = [firstPod, ...pods];
    for (const row of table.rows) {
      expect(row['FIRSTSEEN']).toMatch(AGE);
      expect(row['LASTSEEN']).toMatch(AGE);
      expect(row['COUNT']).toBe('1');
    }
    const key = (r: Record<string, string>) => [r['NAME'], r['KIND'], r['SUBOBJECT'], r['REASON'], r['SOURCE']].join(' | ');
    const seen = table.rows.map(key);
    const expected = [
      ...allPods.map(() => `nginx | ReplicationController |  | SuccessfulCreate | ${RC_SOURCE}`),
      ...allPods.flatMap((p) => [
        `${p} | Pod |  | Scheduled | ${SCHEDULER}`,
        `${p} | Pod | ${INFRA} | Pulled | ${KUBELET}`,
        `${p} | Pod | ${INFRA} | Created | ${KUBELET}`,
        `${p} | Pod | ${INFRA} | Started | ${KUBELET}`,
        `${p} | Pod | ${NGINX} | Pulled | ${KUBELET}`,
        `${p} | Pod | ${NGINX} | Created | ${KUBELET}`,
        `${p} | Pod | ${NGINX} | Started | ${KUBELET}`,
      ]),
      // Only the very first pod pulled nginx; the deleted one was killed.
      `${firstPod} | Pod | ${NGINX} | Pulling | ${KUBELET}`,
      `${firstPod} | Pod | ${NGINX} | Killing | ${KUBELET}`,
      `${firstPod} | Pod | ${INFRA} | Killing | ${KUBELET}`,
    ];
    expect([...seen].sort()).toEqual([...expected].sort());
    // The seed's messages for the rows `get events | head -5` shows.
    const messageOf = (name: string, reason: string, subobject = '') =>
      table.rows.filter((r) => r['NAME'] === name && r['REASON'] === reason && r['SUBOBJECT'] === subobject).map((r) => r['MESSAGE']);
    for (const p of allPods) {
      expect(messageOf(p, 'Scheduled')).toEqual([`Successfully assigned ${p} to ${NODE}`]);
      expect(messageOf(p, 'Created', INFRA)[0]).toMatch(/^Created with docker id [0-9a-f]{12}$/);
      expect(messageOf(p, 'Started', INFRA)[0]).toMatch(/^Started with docker id [0-9a-f]{12}$/);
    }
    expect(messageOf('nginx', 'SuccessfulCreate').sort()).toEqual(allPods.map((p) => `Created pod: ${p}`).sort());
  });

  it('$ kubectl create -f webserver-rc.yaml (the seed manifest) prints `replicationcontroller "webserver-rc" created`', async () => {
    const r = await k().run(['create', '-f', seedFile('webserver-rc.yaml')]);
    expect(r).toEqual({ code: 0, signal: null, stderr: '', stdout: 'replicationcontroller "webserver-rc" created\n' });
  });

  it('its pod runs with the template labels app=webserver,status=serving (--show-labels)', async () => {
    const table = parseTable(await k().ok(['get', 'pods', '--show-labels']));
    expect(table.header).toEqual([...POD_HEADER, 'LABELS']);
    const web = table.rows.filter((r) => r['NAME']!.startsWith('webserver-rc-'));
    expect(web).toHaveLength(1);
    expect(web[0]!['NAME']).toMatch(/^webserver-rc-[a-z0-9]{5}$/);
    expect(web[0]).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0', LABELS: 'app=webserver,status=serving' });
    expect(table.rows.filter((r) => r['LABELS'] === 'run=nginx')).toHaveLength(3);

    const rc = parseTable(await k().ok(['get', 'rc', 'webserver-rc'])).rows;
    expect(rc).toEqual([
      { CONTROLLER: 'webserver-rc', 'CONTAINER(S)': 'nginx', 'IMAGE(S)': 'nginx:1.9.7', SELECTOR: 'app=webserver', REPLICAS: '1', AGE: rc[0]!['AGE'] },
    ]);
    // nginx:1.9.7 is a new image for the node: it is pulled.
    const d = parseDescribe(await k().ok(['describe', 'pod', web[0]!['NAME']!]));
    expect(d.fields.get('Labels')).toBe('app=webserver,status=serving');
    expect(eventRows(d).filter((e) => e[1] === NGINX).map((e) => [e[2], e[3]])).toEqual([
      ['Pulling', 'pulling image "nginx:1.9.7"'],
      ['Pulled', 'Successfully pulled image "nginx:1.9.7"'],
      ['Created', expect.stringMatching(/^Created with docker id [0-9a-f]{12}$/)],
      ['Started', expect.stringMatching(/^Started with docker id [0-9a-f]{12}$/)],
    ]);
    expect(d.fields.get('Replication Controllers')).toBe('webserver-rc (1/1 replicas created)');
  });
});
