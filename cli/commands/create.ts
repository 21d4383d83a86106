import type { Argv, CommandModule } from 'yargs';
import { createCommand } from '../../src/api/requests.js';
import { resourceFor } from '../../src/model/errors.js';
import { kindOf, UsageError } from '../resources.js';
import { filesOf, readManifests } from '../manifests.js';
import { type GlobalOptions, mutate, namespaceOf } from '../session.js';

interface CreateOptions extends GlobalOptions {
  readonly args: string[];
  readonly filename?: string | string[];
}

export const createCommandModule: CommandModule<GlobalOptions, CreateOptions> = {
  command: 'create [args..]',
  describe: 'Create resources from a file (-f FILE, - for stdin) or a namespace (create namespace NAME)',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('args', { type: 'string', array: true, default: [] })
      .option('filename', { alias: 'f', type: 'string', describe: 'YAML or JSON manifest; - reads stdin' }) as unknown as Argv<CreateOptions>,
  handler: async (argv) => {
    const namespace = namespaceOf(argv);
    const files = filesOf(argv.filename);
    if (files.length > 0) {
      const objects = readManifests(files, 'create');
      // One batch: a file is created whole or not at all.
      await mutate(argv, (cluster, actor) => cluster.api.execute(actor, objects.map((o) => createCommand(o, namespace))));
      for (const o of objects) process.stdout.write(`${o.kind.toLowerCase()} "${o.metadata.name ?? o.metadata.generateName ?? ''}" created\n`);
      return;
    }
    const [type, name, ...rest] = argv.args;
    if (type === undefined) throw new UsageError('must specify -f FILE, or namespace NAME');
    if (kindOf(type, ['Namespace']) && (name === undefined || rest.length > 0)) {
      throw new UsageError('exactly one NAME is required, got ' + (name === undefined ? 0 : 1 + rest.length));
    }
    await mutate(argv, (cluster, actor) => cluster.api.execute(actor, [{ type: 'CreateNamespace', name: name! }]));
    process.stdout.write(`${resourceFor('Namespace').slice(0, -1)} "${name}" created\n`);
  },
};
