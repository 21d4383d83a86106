// kubectl v1.1 `get` tables (pkg/kubectl/resource_printer.go), one column
// list per kind, aligned by the tabwriter kubectl used.

import type {
  Event,
  Kind,
  ResourceKind,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicationController,
} from '../../src/model/types.js';
import { byLastTimestamp, formatEventSource, formatLabels } from './format.js';
import { formatTabbed } from './tabwriter.js';
import { translateTimestamp } from './time.js';

export interface TableOptions {
  /** `-o wide`: include the columns marked wide. */
  readonly wide?: boolean;
  /** `--no-headers`. */
  readonly noHeaders?: boolean;
  /** `--show-labels`: a trailing LABELS column, for kinds without one. */
  readonly showLabels?: boolean;
  /** `--all-namespaces`: a leading NAMESPACE column, for namespaced kinds. */
  readonly withNamespace?: boolean;
}

export type ObjectOf<K extends Kind> = Extract<KubeObject, { readonly kind: K }>;

interface Column<T> {
  readonly header: string;
  readonly wide?: boolean;
  readonly value: (obj: T, now: Date) => string;
}

interface Table<T extends KubeObject> {
  readonly columns: readonly Column<T>[];
  readonly namespaced: boolean;
  /** Lines printed under an object's row. */
  readonly continuation?: (obj: T, withNamespace: boolean) => readonly string[][];
  readonly order?: (objects: readonly T[]) => readonly T[];
}

const name: Column<KubeObject> = { header: 'NAME', value: (o) => o.metadata.name };
const labels: Column<KubeObject> = { header: 'LABELS', value: (o) => formatLabels(o.metadata.labels) };
const age: Column<KubeObject> = {
  header: 'AGE',
  value: (o, now) => translateTimestamp(o.metadata.creationTimestamp, now),
};

interface PodSummary {
  readonly ready: number;
  readonly reason: string;
  readonly restarts: number;
}

// printPod of v1.1, plus v1.2's Terminating. Statuses are walked from the
// last, so the first container with a waiting or terminated reason wins, and
// a container counts as ready only when nothing else is reported for it.
function summarize(pod: Pod): PodSummary {
  let reason: string = pod.status.reason || pod.status.phase;
  let ready = 0;
  let restarts = 0;
  const statuses = pod.status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const { state, restartCount, ready: isReady } = statuses[i]!;
    restarts += restartCount;
    if (state.waiting?.reason) reason = state.waiting.reason;
    else if (state.terminated?.reason) reason = state.terminated.reason;
    else if (state.terminated) reason = `ExitCode:${state.terminated.exitCode}`;
    else if (isReady && state.running) ready++;
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  return { ready, reason, restarts };
}

const pods: Table<Pod> = {
  namespaced: true,
  columns: [
    name,
    { header: 'READY', value: (p) => `${summarize(p).ready}/${p.spec.containers.length}` },
    { header: 'STATUS', value: (p) => summarize(p).reason },
    { header: 'RESTARTS', value: (p) => String(summarize(p).restarts) },
    age,
    { header: 'NODE', wide: true, value: (p) => p.spec.nodeName ?? '' },
  ],
};

const replicationControllers: Table<ReplicationController> = {
  namespaced: true,
  columns: [
    { header: 'CONTROLLER', value: (rc) => rc.metadata.name },
    { header: 'CONTAINER(S)', value: (rc) => rc.spec.template.spec.containers[0]?.name ?? '' },
    { header: 'IMAGE(S)', value: (rc) => rc.spec.template.spec.containers[0]?.image ?? '' },
    { header: 'SELECTOR', value: (rc) => formatLabels(rc.spec.selector) },
    { header: 'REPLICAS', value: (rc) => String(rc.spec.replicas) },
    age,
  ],
  // v1.1 prints each further container on a line of its own under
  // CONTAINER(S) and IMAGE(S), with two empty cells where SELECTOR and
  // REPLICAS would be and none for AGE or labels.
  continuation: (rc, withNamespace) =>
    rc.spec.template.spec.containers
      .slice(1)
      .map((c) => [...(withNamespace ? ['', ''] : ['']), c.name, c.image, '', '']),
};

const events: Table<Event> = {
  namespaced: true,
  columns: [
    { header: 'FIRSTSEEN', value: (e, now) => translateTimestamp(e.firstTimestamp, now) },
    { header: 'LASTSEEN', value: (e, now) => translateTimestamp(e.lastTimestamp, now) },
    { header: 'COUNT', value: (e) => String(e.count) },
    { header: 'NAME', value: (e) => e.involvedObject.name },
    { header: 'KIND', value: (e) => e.involvedObject.kind },
    { header: 'SUBOBJECT', value: (e) => e.involvedObject.fieldPath ?? '' },
    { header: 'REASON', value: (e) => e.reason },
    { header: 'SOURCE', value: (e) => formatEventSource(e.source) },
    { header: 'MESSAGE', value: (e) => e.message },
  ],
  order: byLastTimestamp,
};

// Go's printNode: the Ready condition decides; a node that never reported one is Unknown.
function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  if (!ready) return 'Unknown';
  return ready.status === 'True' ? 'Ready' : 'NotReady';
}

const nodes: Table<Node> = {
  namespaced: false,
  columns: [name, labels, { header: 'STATUS', value: nodeStatus }, age],
};

const namespaces: Table<Namespace> = {
  namespaced: false,
  columns: [name, labels, { header: 'STATUS', value: (ns) => ns.status.phase }, age],
};

const TABLES: { readonly [K in ResourceKind]: Table<ObjectOf<K>> } = {
  Pod: pods,
  ReplicationController: replicationControllers,
  Event: events,
  Node: nodes,
  Namespace: namespaces,
};

function render<T extends KubeObject>(
  table: Table<T>,
  objects: readonly T[],
  now: Date,
  options: TableOptions,
): string {
  const columns = table.columns.filter((c) => !c.wide || options.wide);
  const withNamespace = table.namespaced && options.withNamespace === true;
  const withLabels = options.showLabels === true && !columns.some((c) => c.header === 'LABELS');

  const lines: string[][] = [];
  if (!options.noHeaders) {
    lines.push([
      ...(withNamespace ? ['NAMESPACE'] : []),
      ...columns.map((c) => c.header),
      ...(withLabels ? ['LABELS'] : []),
    ]);
  }
  for (const obj of table.order ? table.order(objects) : objects) {
    lines.push([
      ...(withNamespace ? [obj.metadata.namespace ?? ''] : []),
      ...columns.map((c) => c.value(obj, now)),
      ...(withLabels ? [formatLabels(obj.metadata.labels)] : []),
    ]);
    lines.push(...(table.continuation?.(obj, withNamespace) ?? []));
  }
  return formatTabbed(lines.map((cells) => `${cells.join('\t')}\n`).join(''));
}

/** `kubectl get <kind>`: a header (unless noHeaders), then one row per object. */
export function printTable<K extends ResourceKind>(
  kind: K,
  objects: readonly ObjectOf<K>[],
  now: Date,
  options: TableOptions = {},
): string {
  return render(TABLES[kind], objects, now, options);
}

/**
 * Rows only, aligned among themselves: what `get -w` prints for objects after
 * the first batch, since kubectl flushes its tabwriter after every object.
 */
export function printRows<K extends ResourceKind>(
  kind: K,
  objects: readonly ObjectOf<K>[],
  now: Date,
  options: TableOptions = {},
): string {
  return printTable(kind, objects, now, { ...options, noHeaders: true });
}

export function printPods(objects: readonly Pod[], now: Date, options: TableOptions = {}): string {
  return render(pods, objects, now, options);
}

export function printReplicationControllers(
  objects: readonly ReplicationController[],
  now: Date,
  options: TableOptions = {},
): string {
  return render(replicationControllers, objects, now, options);
}

/** Sorted by lastTimestamp; the caller passes them in log order, which breaks ties. */
export function printEvents(objects: readonly Event[], now: Date, options: TableOptions = {}): string {
  return render(events, objects, now, options);
}

export function printNodes(objects: readonly Node[], now: Date, options: TableOptions = {}): string {
  return render(nodes, objects, now, options);
}

export function printNamespaces(objects: readonly Namespace[], now: Date, options: TableOptions = {}): string {
  return render(namespaces, objects, now, options);
}

/**
 * `-o name`: one `kind/name` line per object.
 *
 * @example printNames([pod]) // 'pod/nginx-nvcnl\n'
 */
export function printNames(objects: readonly KubeObject[]): string {
  return objects.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}\n`).join('');
}
