import { describe, expect, it } from 'vitest';
import { describeNode, describePod, describeReplicationController } from '../../cli/printers/describe.js';
import { formatLabels } from '../../cli/printers/format.js';
import { toJson, toYaml } from '../../cli/printers/serialize.js';
import {
  printEvents,
  printNames,
  printNamespaces,
  printNodes,
  printPods,
  printReplicationControllers,
  printRows,
  printTable,
} from '../../cli/printers/table.js';
import { DESCRIBE, formatTabbed, GET_TABLE, type TabwriterConfig } from '../../cli/printers/tabwriter.js';
import { rfc1123z, shortHumanDuration, translateTimestamp } from '../../cli/printers/time.js';
import type {
  Container,
  ContainerStatus,
  Event,
  EventSource,
  Namespace,
  Node,
  ObjectReference,
  Pod,
  ReplicationController,
} from '../../src/model/types.js';

// ---- fixtures: the seed's walkthrough (kubectl run nginx --image=nginx) ----

const T0 = '2015-12-09T10:34:16Z';
const STARTED = '2015-12-09T10:34:18Z';
const at = (iso: string): Date => new Date(iso);
const later = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

const NGINX_ID = 'docker://c6ad6d6bb20ca7b4ae7e706c417d60a3f2b5fef8b0620f84d6ac478cafbe1776';
const NGINX_IMAGE_ID = 'docker://198a73cfd6864ec3d349cf8f146382cca9584a56c3b80f28b7318c9895fb0ae3';

function container(name: string, image = name): Container {
  return { name, image };
}

function running(name: string, ready = true): ContainerStatus {
  return {
    name,
    state: { running: { startedAt: STARTED } },
    lastState: {},
    ready,
    restartCount: 0,
    image: name,
    imageID: NGINX_IMAGE_ID,
    containerID: NGINX_ID,
  };
}

interface PodOverrides {
  readonly created?: string;
  readonly namespace?: string;
  readonly deletionTimestamp?: string;
  readonly spec?: Partial<Pod['spec']>;
  readonly status?: Partial<Pod['status']>;
}

function pod(name: string, overrides: PodOverrides = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: 'nginx-',
      namespace: overrides.namespace ?? 'default',
      uid: `uid-${name}`,
      resourceVersion: '7',
      creationTimestamp: overrides.created ?? T0,
      labels: { run: 'nginx' },
      ...(overrides.deletionTimestamp
        ? { deletionTimestamp: overrides.deletionTimestamp, deletionGracePeriodSeconds: 30 }
        : {}),
    },
    spec: { containers: [container('nginx')], nodeName: '10.0.3.254', ...overrides.spec },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      hostIP: '10.0.3.254',
      podIP: '172.17.0.8',
      startTime: STARTED,
      containerStatuses: [running('nginx')],
      ...overrides.status,
    },
  };
}

function rc(name: string, containers: readonly Container[], replicas = 1): ReplicationController {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '3',
      creationTimestamp: T0,
      labels: { run: name },
    },
    spec: {
      replicas,
      selector: { run: name },
      template: { metadata: { labels: { run: name } }, spec: { containers } },
    },
    status: { replicas },
  };
}

let eventSeq = 0;
function event(
  involved: Pick<ObjectReference, 'kind' | 'name' | 'fieldPath'>,
  reason: string,
  message: string,
  source: EventSource,
  timestamp: string,
): Event {
  eventSeq++;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${involved.name}.${eventSeq}`,
      namespace: 'default',
      uid: `uid-event-${eventSeq}`,
      resourceVersion: String(eventSeq),
      creationTimestamp: timestamp,
    },
    involvedObject: { ...involved, namespace: 'default', uid: `uid-${involved.name}`, apiVersion: 'v1' },
    reason,
    message,
    source,
    firstTimestamp: timestamp,
    lastTimestamp: timestamp,
    count: 1,
    type: 'Normal',
  };
}

const SCHEDULER: EventSource = { component: 'scheduler' };
const KUBELET: EventSource = { component: 'kubelet', host: '10.0.3.254' };
const RC_MANAGER: EventSource = { component: 'replication-controller' };
const INFRA = 'implicitly required container POD';

function node(): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: '10.0.3.254',
      uid: 'uid-node',
      resourceVersion: '1',
      creationTimestamp: '2015-12-09T09:00:00Z',
      labels: { 'kubernetes.io/hostname': '10.0.3.254' },
    },
    spec: { externalID: '10.0.3.254' },
    status: {
      capacity: { pods: '40', memory: '2048Mi', cpu: '2' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: '2015-12-09T10:42:25Z',
          lastTransitionTime: '2015-12-09T09:00:05Z',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'LegacyHostIP', address: '10.0.3.254' },
        { type: 'InternalIP', address: '10.0.3.254' },
      ],
      nodeInfo: {
        machineID: 'm1',
        systemUUID: 'u1',
        bootID: 'b1',
        kernelVersion: '3.19.0-30-generic',
        osImage: 'Ubuntu 15.04',
        containerRuntimeVersion: 'docker://1.9.1',
        kubeletVersion: 'v1.1.2',
        kubeProxyVersion: 'v1.1.2',
      },
      images: [],
    },
  };
}

function namespace(name: string): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: `uid-ns-${name}`, resourceVersion: '1', creationTimestamp: '2015-12-09T09:00:00Z' },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

const NOW = at('2015-12-09T10:42:30Z');

// The pod's Events as the seed's `describe pod nginx-nvcnl` lists them (with
// straight quotes: the seed's curly ones are the blog's typography).
function nginxPodEvents(): Event[] {
  const pod = { kind: 'Pod', name: 'nginx-nvcnl' };
  const infra = { ...pod, fieldPath: INFRA };
  const app = { ...pod, fieldPath: 'spec.containers{nginx}' };
  return [
    event(pod, 'Scheduled', 'Successfully assigned nginx-nvcnl to 10.0.3.254', SCHEDULER, T0),
    event(infra, 'Pulled', 'Container image "gcr.io/google_containers/pause:0.8.0" already present on machine', KUBELET, T0),
    event(infra, 'Created', 'Created with docker id 25370982dd29', KUBELET, later(T0, 1)),
    event(infra, 'Started', 'Started with docker id 25370982dd29', KUBELET, later(T0, 1)),
    event(app, 'Pulled', 'Container image "nginx" already present on machine', KUBELET, later(T0, 1)),
    event(app, 'Created', 'Created with docker id c6ad6d6bb20c', KUBELET, STARTED),
    event(app, 'Started', 'Started with docker id c6ad6d6bb20c', KUBELET, STARTED),
  ];
}

const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');
const collapse = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');

describe('formatTabbed', () => {
  // Cases from Go's own text/tabwriter tests that use flags 0.
  const go: readonly [string, TabwriterConfig, string, string][] = [
    ['1a', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, '', ''],
    ['2', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, '\n\n\n', '\n\n\n'],
    ['3', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, 'a\nb\nc', 'a\nb\nc'],
    ['4a', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, '\t', ''],
    ['5', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, '*\t*', '*.......*'],
    ['5b', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, '*\t*\n', '*.......*\n'],
    ['5c', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, '*\t*\t', '*.......*'],
    ['6', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, '\t\n', '........\n'],
    ['7b', { minwidth: 8, tabwidth: 0, padding: 1, padchar: ' ' }, 'b) foo\tbar', 'b) foo  bar'],
    ['7c', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, 'c) foo\tbar\t', 'c) foo..bar'],
    ['7e', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' }, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
    ['8', { minwidth: 8, tabwidth: 0, padding: 1, padchar: '*' }, 'Hello, world!\n', 'Hello, world!\n'],
    ['9a', { minwidth: 1, tabwidth: 0, padding: 0, padchar: '.' }, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
    ['9c', { minwidth: 1, tabwidth: 0, padding: 0, padchar: '.' }, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
    ['10b', { minwidth: 5, tabwidth: 0, padding: 0, padchar: '.' }, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
    [
      '11',
      { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.' },
      '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
      '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
    ],
    ['12b', { minwidth: 2, tabwidth: 0, padding: 0, padchar: ' ' }, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
    [
      '13a',
      { minwidth: 4, tabwidth: 0, padding: 1, padchar: '-' },
      '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
      '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n' +
        '666666-666666-666666----4444\n1------1------999999999-0000000000\n',
    ],
    [
      '16a',
      { minwidth: 100, tabwidth: 100, padding: 0, padchar: '\t' },
      'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
      'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    ],
  ];

  it.each(go)('given Go test case %s, then it prints what Go prints', (_name, config, text, expected) => {
    expect(formatTabbed(text, config)).toBe(expected);
  });

  it('given kubectl get settings, then cells are padded by 3 to a minimum of 10 and the last cell is left as is', () => {
    expect(formatTabbed('NAME\tAGE\nnginx-nvcnl\t13s\n')).toBe('NAME          AGE\nnginx-nvcnl   13s\n');
  });

  it('given a column of ─, then its width counts code points, not UTF-16 units or bytes', () => {
    // 14 '─' (42 bytes in UTF-8) make column 0 14 + 3 = 17 wide; column 1 is max(10, 2 + 3).
    const rule = '─'.repeat(14);
    expect(formatTabbed(`a\tbb\tc\n${rule}\tx\td\n`, GET_TABLE)).toBe(
      `a${' '.repeat(16)}bb${' '.repeat(8)}c\n${rule}   x${' '.repeat(9)}d\n`,
    );
  });

  it('given a line without a tab, then column blocks end there and start afresh after it', () => {
    // Go flushes at the one-cell line: the wide "aaaaaaaaaaaa" above it does
    // not widen column 0 below it, where "b" and "cc" form a block of their own.
    const text = 'aaaaaaaaaaaa\t1\nshort\t2\nno tabs here\nb\t3\ncc\t4\n';
    expect(formatTabbed(text)).toBe(
      lines('aaaaaaaaaaaa   1', 'short          2', 'no tabs here', 'b         3', 'cc        4'),
    );
  });

  it('given a cell missing from one line, then the column splits into two blocks around it', () => {
    // Column 1 exists in lines 0 and 2 only (line 1 has just one tab-terminated cell).
    const text = 'a\tbbbbbbbbbbbb\tx\nc\ty\nd\te\tz\n';
    expect(formatTabbed(text)).toBe(lines('a         bbbbbbbbbbbb   x', 'c         y', 'd         e         z'));
  });

  it('given describe settings, then padding is tabs reaching the next multiple of 8 past the widest cell + 1', () => {
    // Go's ExampleWriter_Init uses padding 0; kubectl's tabbedString pads by 1.
    expect(formatTabbed('a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n', { ...DESCRIBE, padding: 0 })).toBe(
      'a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n',
    );
    expect(formatTabbed('Name:\tx\nReplication Controllers:\ty\n', DESCRIBE)).toBe(
      'Name:\t\t\t\tx\nReplication Controllers:\ty\n',
    );
  });
});

describe('time', () => {
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [3_599_999, '59m'],
    [3_600_000, '1h'],
    [24 * 3_600_000 - 1, '23h'],
    [24 * 3_600_000, '1d'],
    [363 * 24 * 3_600_000, '363d'],
    // Go switches to years at 364 days but divides by 365: kubectl printed 0y.
    [364 * 24 * 3_600_000, '0y'],
    [730 * 24 * 3_600_000, '2y'],
    // Under two seconds of clock skew reads as now; more is invalid.
    [-1_999, '0s'],
    [-2_000, '<invalid>'],
  ])('given %d ms, when shortened, then %s', (ms, expected) => {
    expect(shortHumanDuration(ms)).toBe(expected);
  });

  it('given a timestamp and now, then the age is measured from now; an absent one is <unknown>', () => {
    expect(translateTimestamp(T0, at('2015-12-09T10:34:29Z'))).toBe('13s');
    expect(translateTimestamp(undefined, NOW)).toBe('<unknown>');
  });

  it('given any offset, then RFC1123Z prints in UTC; an absent time prints as Go zero time', () => {
    expect(rfc1123z('2015-12-09T10:34:18Z')).toBe('Wed, 09 Dec 2015 10:34:18 +0000');
    expect(rfc1123z('2015-12-09T11:34:18+01:00')).toBe('Wed, 09 Dec 2015 10:34:18 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
});

describe('formatLabels', () => {
  it('given labels, then k=v pairs sorted as Go sorts them, comma-joined; none is <none>', () => {
    expect(formatLabels({ run: 'nginx', app: 'web' })).toBe('app=web,run=nginx');
    expect(formatLabels({ a: '1', 'a.b': '2' })).toBe('a.b=2,a=1');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });
});

describe('get pods', () => {
  const seedNow = at(later(T0, 13));

  it('given the seed pod 13s after creation, then the seed table', () => {
    expect(printPods([pod('nginx-nvcnl')], seedNow)).toBe(
      lines('NAME          READY     STATUS    RESTARTS   AGE', 'nginx-nvcnl   1/1       Running   0          13s'),
    );
  });

  it('given the scaled pods, then one aligned row each', () => {
    const scaledAt = later(T0, 9 * 60);
    const pods = [
      pod('nginx-4kjnj'),
      pod('nginx-ib0ou', { created: scaledAt }),
      pod('nginx-zjwcr', { created: scaledAt }),
    ];
    expect(printPods(pods, at(later(scaledAt, 15)))).toBe(
      lines(
        'NAME          READY     STATUS    RESTARTS   AGE',
        'nginx-4kjnj   1/1       Running   0          9m',
        'nginx-ib0ou   1/1       Running   0          15s',
        'nginx-zjwcr   1/1       Running   0          15s',
      ),
    );
  });

  it('given -o wide, then AGE becomes a column and NODE follows', () => {
    expect(printPods([pod('nginx-nvcnl')], seedNow, { wide: true })).toBe(
      lines(
        'NAME          READY     STATUS    RESTARTS   AGE       NODE',
        'nginx-nvcnl   1/1       Running   0          13s       10.0.3.254',
      ),
    );
  });

  it('given --no-headers, then columns are sized by the rows alone', () => {
    // Without "RESTARTS" the column is the minimum 10, not 8 + 3.
    expect(printPods([pod('nginx-nvcnl')], seedNow, { noHeaders: true })).toBe(
      lines('nginx-nvcnl   1/1       Running   0         13s'),
    );
  });

  it('given --show-labels, then a LABELS column comes last', () => {
    expect(printPods([pod('nginx-nvcnl')], seedNow, { showLabels: true, wide: true })).toBe(
      lines(
        'NAME          READY     STATUS    RESTARTS   AGE       NODE         LABELS',
        'nginx-nvcnl   1/1       Running   0          13s       10.0.3.254   run=nginx',
      ),
    );
  });

  it('given --all-namespaces, then a NAMESPACE column comes first', () => {
    const pods = [pod('nginx-nvcnl'), pod('kube-dns-v9-abcde', { namespace: 'kube-system' })];
    expect(printPods(pods, seedNow, { withNamespace: true })).toBe(
      lines(
        'NAMESPACE     NAME                READY     STATUS    RESTARTS   AGE',
        'default       nginx-nvcnl         1/1       Running   0          13s',
        'kube-system   kube-dns-v9-abcde   1/1       Running   0          13s',
      ),
    );
  });

  it('given pods in trouble, then STATUS, READY and RESTARTS as v1.1 derives them', () => {
    const creating = pod('creating', {
      status: {
        phase: 'Pending',
        containerStatuses: [{ ...running('nginx', false), state: { waiting: { reason: 'ContainerCreating' } } }],
      },
    });
    const crashing = pod('crashing', {
      spec: { containers: [container('app'), container('nginx')] },
      status: {
        containerStatuses: [
          { ...running('app', false), state: { waiting: { reason: 'CrashLoopBackOff' } }, restartCount: 5 },
          { ...running('nginx'), restartCount: 2 },
        ],
      },
    });
    const failed = pod('failed', {
      status: {
        phase: 'Failed',
        containerStatuses: [{ ...running('nginx', false), state: { terminated: { exitCode: 1 } } }],
      },
    });
    const terminating = pod('terminating', { deletionTimestamp: later(T0, 30) });
    const unscheduled = pod('unscheduled', { status: { phase: 'Pending', containerStatuses: [] } });
    expect(printPods([creating, crashing, failed, terminating, unscheduled], seedNow)).toBe(
      lines(
        'NAME          READY     STATUS              RESTARTS   AGE',
        'creating      0/1       ContainerCreating   0          13s',
        'crashing      1/2       CrashLoopBackOff    7          13s',
        'failed        0/1       ExitCode:1          0          13s',
        'terminating   1/1       Terminating         0          13s',
        'unscheduled   0/1       Pending             0          13s',
      ),
    );
  });

  it('given watch rows, then no header and an alignment of their own', () => {
    expect(printRows('Pod', [pod('nginx-ib0ou')], seedNow)).toBe(lines('nginx-ib0ou   1/1       Running   0         13s'));
  });

  it('given the dispatcher, then it prints as the per-kind printer', () => {
    expect(printTable('Pod', [pod('nginx-nvcnl')], seedNow, { wide: true })).toBe(
      printPods([pod('nginx-nvcnl')], seedNow, { wide: true }),
    );
  });
});

describe('get rc', () => {
  it('given the seed controller 10m after creation, then the seed table', () => {
    expect(printReplicationControllers([rc('nginx', [container('nginx')])], at(later(T0, 600)))).toBe(
      lines(
        'CONTROLLER   CONTAINER(S)   IMAGE(S)   SELECTOR    REPLICAS   AGE',
        'nginx        nginx          nginx      run=nginx   1          10m',
      ),
    );
  });

  it('given a controller with two containers, then the second sits on a line of its own', () => {
    const web = rc('web', [container('nginx', 'nginx:1.9.7'), container('log', 'busybox')], 2);
    // The extra line has cells up to SELECTOR only, so it ends the REPLICAS
    // block: the next controller's REPLICAS is sized alone (10, not 11), as in
    // v1.1. Its empty SELECTOR cell is still padded, hence trailing blanks.
    expect(printReplicationControllers([web, rc('nginx', [container('nginx')])], NOW)).toBe(
      lines(
        'CONTROLLER   CONTAINER(S)   IMAGE(S)      SELECTOR    REPLICAS   AGE',
        'web          nginx          nginx:1.9.7   run=web     2          8m',
        '             log            busybox                   ',
        'nginx        nginx          nginx         run=nginx   1         8m',
      ),
    );
  });

  it('given --all-namespaces, then the extra line starts with two empty cells', () => {
    const web = rc('web', [container('nginx', 'nginx:1.9.7'), container('log', 'busybox')]);
    expect(printReplicationControllers([web], NOW, { withNamespace: true })).toBe(
      lines(
        'NAMESPACE   CONTROLLER   CONTAINER(S)   IMAGE(S)      SELECTOR   REPLICAS   AGE',
        'default     web          nginx          nginx:1.9.7   run=web    1          8m',
        '                         log            busybox                  ',
      ),
    );
  });
});

describe('get events', () => {
  it('given events out of order, then sorted by lastTimestamp, ties in the order given, source as {component host}', () => {
    const t = (s: number): string => later(T0, s);
    const events = [
      event({ kind: 'Pod', name: 'nginx-4qyvp' }, 'Scheduled', 'Successfully assigned nginx-4qyvp to 10.0.3.254', SCHEDULER, t(1)),
      event({ kind: 'ReplicationController', name: 'nginx' }, 'SuccessfulCreate', 'Created pod: nginx-4qyvp', RC_MANAGER, t(0)),
      event({ kind: 'Pod', name: 'nginx-4qyvp', fieldPath: INFRA }, 'Created', 'Created with docker id 5cb84b4f2160', KUBELET, t(2)),
      event({ kind: 'Pod', name: 'nginx-4qyvp', fieldPath: INFRA }, 'Started', 'Started with docker id 5cb84b4f2160', KUBELET, t(2)),
    ];
    expect(printEvents(events, at(t(53 * 60 + 5)))).toBe(
      lines(
        'FIRSTSEEN   LASTSEEN   COUNT     NAME          KIND                    SUBOBJECT                           REASON             SOURCE                      MESSAGE',
        '53m         53m        1         nginx         ReplicationController                                       SuccessfulCreate   {replication-controller }   Created pod: nginx-4qyvp',
        '53m         53m        1         nginx-4qyvp   Pod                                                         Scheduled          {scheduler }                Successfully assigned nginx-4qyvp to 10.0.3.254',
        '53m         53m        1         nginx-4qyvp   Pod                     implicitly required container POD   Created            {kubelet 10.0.3.254}        Created with docker id 5cb84b4f2160',
        '53m         53m        1         nginx-4qyvp   Pod                     implicitly required container POD   Started            {kubelet 10.0.3.254}        Started with docker id 5cb84b4f2160',
      ),
    );
  });
});

describe('get nodes and namespaces', () => {
  it('given nodes, then STATUS from the Ready condition, and --show-labels adds no second LABELS', () => {
    const ready = node();
    const notReady: Node = {
      ...ready,
      metadata: { ...ready.metadata, name: '10.0.3.253', labels: {} },
      status: { ...ready.status, conditions: [{ ...ready.status.conditions[0]!, status: 'Unknown' }] },
    };
    const silent: Node = { ...ready, metadata: { ...ready.metadata, name: '10.0.3.252' }, status: { ...ready.status, conditions: [] } };
    expect(printNodes([ready, notReady, silent], NOW, { showLabels: true, withNamespace: true })).toBe(
      lines(
        'NAME         LABELS                              STATUS     AGE',
        '10.0.3.254   kubernetes.io/hostname=10.0.3.254   Ready      1h',
        '10.0.3.253   <none>                              NotReady   1h',
        '10.0.3.252   kubernetes.io/hostname=10.0.3.254   Unknown    1h',
      ),
    );
  });

  it('given namespaces, then NAME LABELS STATUS AGE', () => {
    expect(printNamespaces([namespace('default'), namespace('kube-system')], NOW)).toBe(
      lines('NAME          LABELS    STATUS    AGE', 'default       <none>    Active    1h', 'kube-system   <none>    Active    1h'),
    );
  });
});

describe('-o name, json, yaml', () => {
  it('given objects of every kind, then kind/name lines', () => {
    const objects = [pod('nginx-nvcnl'), rc('nginx', [container('nginx')]), node(), namespace('default'), nginxPodEvents()[0]!];
    expect(printNames(objects)).toBe(
      lines('pod/nginx-nvcnl', 'replicationcontroller/nginx', 'node/10.0.3.254', 'namespace/default', `event/${objects[4]!.metadata.name}`),
    );
  });

  it('given several objects, then a v1 List indented by four spaces, with Go escaping <, > and &', () => {
    const a = namespace('a');
    const b: Namespace = { ...namespace('b'), metadata: { ...namespace('b').metadata, labels: { note: '<x&y>' } } };
    const json = toJson([a, b], true);
    expect(JSON.parse(json)).toEqual({ apiVersion: 'v1', kind: 'List', items: [a, b], metadata: {} });
    expect(json.startsWith('{\n    "apiVersion": "v1",\n    "kind": "List",\n    "items": [\n        {\n')).toBe(true);
    expect(json).toContain('"note": "\\u003cx\\u0026y\\u003e"');
    expect(json.endsWith('\n    ],\n    "metadata": {}\n}\n')).toBe(true);
  });

  it('given one object asked for by name, then the object itself', () => {
    expect(JSON.parse(toJson([namespace('default')], false))).toEqual(namespace('default'));
  });

  it('given a listing of one object, then still a List', () => {
    expect(JSON.parse(toJson([namespace('default')], true))).toEqual({ apiVersion: 'v1', kind: 'List', items: [namespace('default')], metadata: {} });
  });

  it('given yaml, then keys sorted and sequences not indented under their key, as go-yaml prints', () => {
    expect(toYaml([namespace('default')], false)).toBe(
      lines(
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  creationTimestamp: 2015-12-09T09:00:00Z',
        '  name: default',
        '  resourceVersion: "1"',
        '  uid: uid-ns-default',
        'spec:',
        '  finalizers:',
        '  - kubernetes',
        'status:',
        '  phase: Active',
      ),
    );
  });
});

describe('describe pod', () => {
  const expected = lines(
    'Name:\t\t\t\tnginx-nvcnl',
    'Namespace:\t\t\tdefault',
    'Image(s):\t\t\tnginx',
    'Node:\t\t\t\t10.0.3.254/10.0.3.254',
    'Start Time:\t\t\tWed, 09 Dec 2015 10:34:18 +0000',
    'Labels:\t\t\t\trun=nginx',
    'Status:\t\t\t\tRunning',
    'Reason:\t\t\t\t',
    'Message:\t\t\t',
    'IP:\t\t\t\t172.17.0.8',
    'Replication Controllers:\tnginx (1/1 replicas created)',
    'Containers:',
    '  nginx:',
    `    Container ID:\t${NGINX_ID}`,
    '    Image:\t\tnginx',
    `    Image ID:\t\t${NGINX_IMAGE_ID}`,
    '    State:\t\tRunning',
    '      Started:\t\tWed, 09 Dec 2015 10:34:18 +0000',
    '    Ready:\t\tTrue',
    '    Restart Count:\t0',
    '    Environment Variables:',
    'Conditions:',
    '  Type\t\tStatus',
    '  Ready \tTrue ',
    'No volumes.',
    'Events:',
    '  FirstSeen\tLastSeen\tCount\tFrom\t\t\tSubobjectPath\t\t\t\tReason\t\tMessage',
    '  ─────────\t────────\t─────\t────\t\t\t─────────────\t\t\t\t──────\t\t───────',
    '  8m\t\t8m\t\t1\t{scheduler }\t\t\t\t\t\t\tScheduled\tSuccessfully assigned nginx-nvcnl to 10.0.3.254',
    '  8m\t\t8m\t\t1\t{kubelet 10.0.3.254}\timplicitly required container POD\tPulled\t\tContainer image "gcr.io/google_containers/pause:0.8.0" already present on machine',
    '  8m\t\t8m\t\t1\t{kubelet 10.0.3.254}\timplicitly required container POD\tCreated\t\tCreated with docker id 25370982dd29',
    '  8m\t\t8m\t\t1\t{kubelet 10.0.3.254}\timplicitly required container POD\tStarted\t\tStarted with docker id 25370982dd29',
    '  8m\t\t8m\t\t1\t{kubelet 10.0.3.254}\tspec.containers{nginx}\t\t\tPulled\t\tContainer image "nginx" already present on machine',
    '  8m\t\t8m\t\t1\t{kubelet 10.0.3.254}\tspec.containers{nginx}\t\t\tCreated\t\tCreated with docker id c6ad6d6bb20c',
    '  8m\t\t8m\t\t1\t{kubelet 10.0.3.254}\tspec.containers{nginx}\t\t\tStarted\t\tStarted with docker id c6ad6d6bb20c',
  );

  it('given the seed pod, its controller and its Events, then v1.1 layout aligned by tabs', () => {
    expect(describePod(pod('nginx-nvcnl'), [rc('nginx', [container('nginx')])], nginxPodEvents(), NOW)).toBe(expected);
  });

  it('given the seed pod, then line by line the seed text, whitespace aside', () => {
    const seed = [
      'Name: nginx-nvcnl',
      'Namespace: default',
      'Image(s): nginx',
      'Node: 10.0.3.254/10.0.3.254',
      'Start Time: Wed, 09 Dec 2015 10:34:18 +0000',
      'Labels: run=nginx',
      'Status: Running',
      'Reason:',
      'Message:',
      'IP: 172.17.0.8',
      'Replication Controllers: nginx (1/1 replicas created)',
      'Containers:',
      'nginx:',
      'Container ID: docker://c6ad6d6bb20ca7b4ae7e706c417d60a3f2b5fef8b0620f84d6ac478cafbe1776',
      'Image: nginx',
      'Image ID: docker://198a73cfd6864ec3d349cf8f146382cca9584a56c3b80f28b7318c9895fb0ae3',
      'State: Running',
      'Started: Wed, 09 Dec 2015 10:34:18 +0000',
      'Ready: True',
      'Restart Count: 0',
      'Environment Variables:',
      'Conditions:',
      'Type Status',
      'Ready True',
      'No volumes.',
      'Events:',
      'FirstSeen LastSeen Count From SubobjectPath Reason Message',
      '───────── ──────── ───── ──── ───────────── ────── ───────',
      '8m 8m 1 {scheduler } Scheduled Successfully assigned nginx-nvcnl to 10.0.3.254',
      '8m 8m 1 {kubelet 10.0.3.254} implicitly required container POD Pulled Container image "gcr.io/google_containers/pause:0.8.0" already present on machine',
      '8m 8m 1 {kubelet 10.0.3.254} implicitly required container POD Created Created with docker id 25370982dd29',
      '8m 8m 1 {kubelet 10.0.3.254} implicitly required container POD Started Started with docker id 25370982dd29',
      '8m 8m 1 {kubelet 10.0.3.254} spec.containers{nginx} Pulled Container image "nginx" already present on machine',
      '8m 8m 1 {kubelet 10.0.3.254} spec.containers{nginx} Created Created with docker id c6ad6d6bb20c',
      '8m 8m 1 {kubelet 10.0.3.254} spec.containers{nginx} Started Started with docker id c6ad6d6bb20c',
    ];
    expect(collapse(describePod(pod('nginx-nvcnl'), [rc('nginx', [container('nginx')])], nginxPodEvents(), NOW))).toEqual(seed);
  });

  it('given a terminating pod with a waiting and a terminated container, no controller and no Events', () => {
    const p = pod('nginx-4kjnj', {
      deletionTimestamp: later(T0, 60),
      spec: { containers: [{ ...container('nginx'), env: [{ name: 'MODE', value: 'test' }] }, container('log', 'busybox')] },
      status: {
        phase: 'Running',
        conditions: [],
        containerStatuses: [
          { ...running('nginx', false), state: { waiting: { reason: 'ContainerCreating' } } },
          {
            ...running('log', false),
            state: { terminated: { exitCode: 137, reason: 'Error', startedAt: STARTED, finishedAt: later(STARTED, 5) } },
            lastState: { terminated: { exitCode: 0 } },
            restartCount: 1,
          },
        ],
      },
    });
    const out = describePod(p, [], [], NOW);
    expect(collapse(out)).toEqual([
      'Name: nginx-4kjnj',
      'Namespace: default',
      'Image(s): nginx,busybox',
      'Node: 10.0.3.254/10.0.3.254',
      'Start Time: Wed, 09 Dec 2015 10:34:18 +0000',
      'Labels: run=nginx',
      'Status: Terminating (expires Wed, 09 Dec 2015 10:35:16 +0000)',
      'Termination Grace Period: 30s',
      'Reason:',
      'Message:',
      'IP: 172.17.0.8',
      'Replication Controllers: <none>',
      'Containers:',
      'nginx:',
      `Container ID: ${NGINX_ID}`,
      'Image: nginx',
      `Image ID: ${NGINX_IMAGE_ID}`,
      'State: Waiting',
      'Reason: ContainerCreating',
      'Ready: False',
      'Restart Count: 0',
      'Environment Variables:',
      'MODE: test',
      'log:',
      `Container ID: ${NGINX_ID}`,
      'Image: busybox',
      `Image ID: ${NGINX_IMAGE_ID}`,
      'State: Terminated',
      'Reason: Error',
      'Exit Code: 137',
      'Started: Wed, 09 Dec 2015 10:34:18 +0000',
      'Finished: Wed, 09 Dec 2015 10:34:23 +0000',
      'Last Termination State: Terminated',
      'Exit Code: 0',
      'Started: Mon, 01 Jan 0001 00:00:00 +0000',
      'Finished: Mon, 01 Jan 0001 00:00:00 +0000',
      'Ready: False',
      'Restart Count: 1',
      'Environment Variables:',
      'No volumes.',
      'No events.',
    ]);
    expect(out.endsWith('No volumes.\nNo events.\n')).toBe(true);
  });
});

describe('describe rc', () => {
  it('given the seed controller, its pod and its Event, then v1.1 layout aligned by tabs', () => {
    const events = [event({ kind: 'ReplicationController', name: 'nginx' }, 'SuccessfulCreate', 'Created pod: nginx-nvcnl', RC_MANAGER, T0)];
    const pending = pod('nginx-ib0ou', { status: { phase: 'Pending' } });
    expect(describeReplicationController(rc('nginx', [container('nginx')]), [pod('nginx-nvcnl'), pending], events, at(later(T0, 600)))).toBe(
      lines(
        'Name:\t\tnginx',
        'Namespace:\tdefault',
        'Image(s):\tnginx',
        'Selector:\trun=nginx',
        'Labels:\t\trun=nginx',
        'Replicas:\t1 current / 1 desired',
        'Pods Status:\t1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'No volumes.',
        'Events:',
        '  FirstSeen\tLastSeen\tCount\tFrom\t\t\t\tSubobjectPath\tReason\t\t\tMessage',
        '  ─────────\t────────\t─────\t────\t\t\t\t─────────────\t──────\t\t\t───────',
        '  10m\t\t10m\t\t1\t{replication-controller }\t\t\tSuccessfulCreate\tCreated pod: nginx-nvcnl',
      ),
    );
  });
});

describe('describe node', () => {
  it('given the node, a running and a finished pod, then v1.1 layout with the finished pod left out', () => {
    const done = pod('done', { status: { phase: 'Succeeded' } });
    const events = [event({ kind: 'Node', name: '10.0.3.254' }, 'Starting', 'Starting kubelet.', KUBELET, '2015-12-09T09:00:00Z')];
    expect(describeNode(node(), [pod('nginx-nvcnl'), done], events, NOW)).toBe(
      lines(
        'Name:\t\t\t10.0.3.254',
        'Labels:\t\t\tkubernetes.io/hostname=10.0.3.254',
        'CreationTimestamp:\tWed, 09 Dec 2015 09:00:00 +0000',
        'Phase:\t\t\t',
        'Conditions:',
        '  Type\t\tStatus\tLastHeartbeatTime\t\t\tLastTransitionTime\t\t\tReason\t\tMessage',
        '  ────\t\t──────\t─────────────────\t\t\t──────────────────\t\t\t──────\t\t───────',
        '  Ready \tTrue \tWed, 09 Dec 2015 10:42:25 +0000 \tWed, 09 Dec 2015 09:00:05 +0000 \tKubeletReady \tkubelet is posting ready status',
        'Addresses:\t10.0.3.254,10.0.3.254',
        'Capacity:',
        ' cpu:\t\t2',
        ' memory:\t2048Mi',
        ' pods:\t\t40',
        'System Info:',
        ' Machine ID:\t\t\tm1',
        ' System UUID:\t\t\tu1',
        ' Boot ID:\t\t\tb1',
        ' Kernel Version:\t\t3.19.0-30-generic',
        ' OS Image:\t\t\tUbuntu 15.04',
        ' Container Runtime Version:\tdocker://1.9.1',
        ' Kubelet Version:\t\tv1.1.2',
        ' Kube-Proxy Version:\t\tv1.1.2',
        'ExternalID:\t\t\t10.0.3.254',
        'Non-terminated Pods:\t\t(1 in total)',
        '  Namespace\t\t\tName\t\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits',
        '  ─────────\t\t\t────\t\t\t────────────\t──────────\t───────────────\t─────────────',
        '  default\t\t\tnginx-nvcnl\t\t0 (0%)\t\t0 (0%)\t\t0 (0%)\t\t0 (0%)',
        'Allocated resources:',
        '  (Total limits may be over 100%, i.e., overcommitted. More info: http://releases.k8s.io/HEAD/docs/user-guide/compute-resources.md)',
        '  CPU Requests\tCPU Limits\tMemory Requests\tMemory Limits',
        '  ────────────\t──────────\t───────────────\t─────────────',
        '  0 (0%)\t0 (0%)\t\t0 (0%)\t\t0 (0%)',
        'Events:',
        '  FirstSeen\tLastSeen\tCount\tFrom\t\t\tSubobjectPath\tReason\t\tMessage',
        '  ─────────\t────────\t─────\t────\t\t\t─────────────\t──────\t\t───────',
        '  1h\t\t1h\t\t1\t{kubelet 10.0.3.254}\t\t\tStarting\tStarting kubelet.',
      ),
    );
  });
});
