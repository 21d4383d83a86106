import type { Argv, CommandModule } from 'yargs';
import type { Command } from '../../src/api/commands.js';
import { listObjects } from '../../src/api/reads.js';
import { deleteCommand } from '../../src/api/requests.js';
import { parseSelector } from '../../src/model/labels.js';
import type { Kind, ResourceKind } from '../../src/model/types.js';
import type { ClusterStore } from '../../src/projections/store.js';
import { validateGracePeriodArg } from '../../src/model/validation.js';
import { filesOf, readManifests } from '../manifests.js';
import { parseResourceArgs, UsageError } from '../resources.js';
import { type GlobalOptions, mutate, namespaceOf } from '../session.js';

interface DeleteOptions extends GlobalOptions {
  readonly resource: string[];
  readonly filename?: string | string[];
  readonly selector?: string;
  readonly all: boolean;
  readonly gracePeriod?: unknown;
}

const DELETABLE: readonly ResourceKind[] = ['Pod', 'ReplicationController', 'Namespace'];

export const deleteCommandModule: CommandModule<GlobalOptions, DeleteOptions> = {
  command: 'delete [resource..]',
  describe: 'Delete pods, replicationcontrollers (with their pods) or namespaces, by name, -l SELECTOR, --all or -f FILE',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', array: true, default: [] })
      .option('filename', { alias: 'f', type: 'string', describe: 'YAML or JSON manifest; - reads stdin' })
      .option('selector', { alias: 'l', type: 'string' })
      .option('all', { type: 'boolean', default: false })
      .option('grace-period', { type: 'string', describe: 'seconds a pod has to stop; 0 deletes at once' }) as unknown as Argv<DeleteOptions>,
  handler: async (argv) => {
    const namespace = namespaceOf(argv);
    const grace = argv.gracePeriod === undefined ? undefined : validateGracePeriodArg(argv.gracePeriod);
    const findTargets = targetsOf(argv, namespace);
    const targets = await mutate(argv, async (cluster, actor) => {
      const found = await findTargets(cluster.store);
      if (found.length > 0) await cluster.api.execute(actor, found.map((t) => withGrace(t.command, grace)));
      return found;
    });
    if (targets.length === 0) process.stderr.write('No resources found\n');
    for (const t of targets) process.stdout.write(`${t.kind.toLowerCase()} "${t.name}" deleted\n`);
  },
};

interface Target {
  readonly kind: Kind;
  readonly name: string;
  readonly command: Command;
}

/** What the arguments name, checked before the cluster is opened; selectors are resolved against it. */
function targetsOf(argv: DeleteOptions, namespace: string): (store: ClusterStore) => Promise<Target[]> {
  const files = filesOf(argv.filename);
  if (files.length > 0) {
    const targets = readManifests(files, 'delete').map((o) => ({ kind: o.kind, name: o.metadata.name ?? '', command: deleteCommand(o, namespace) }));
    return async () => targets;
  }
  const { kind, names } = parseResourceArgs(argv.resource, DELETABLE);
  if (names.length > 0) {
    return async () => names.map((name) => ({ kind, name, command: deleteByName(kind, namespace, name) }));
  }
  const selector = argv.selector !== undefined ? parseSelector(argv.selector) : undefined;
  if (!selector && !argv.all) throw new UsageError('resource(s) were provided, but no name, label selector, or --all flag specified');
  return async (store) =>
    (await listObjects(store, { kind, namespace, ...(selector ? { selector } : {}) })).map((o) => ({
      kind,
      name: o.metadata.name,
      command: deleteByName(kind, namespace, o.metadata.name),
    }));
}

function deleteByName(kind: Kind, namespace: string, name: string): Command {
  switch (kind) {
    case 'Pod':
      return { type: 'DeletePod', namespace, name };
    case 'ReplicationController':
      return { type: 'DeleteReplicationController', namespace, name };
    default:
      return { type: 'DeleteNamespace', name };
  }
}

function withGrace(command: Command, grace: number | undefined): Command {
  return command.type === 'DeletePod' && grace !== undefined ? { ...command, gracePeriodSeconds: grace } : command;
}
