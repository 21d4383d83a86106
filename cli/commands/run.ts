import type { Argv, CommandModule } from 'yargs';
import { runCommand } from '../../src/api/requests.js';
import { parseLabelAssignments } from '../../src/model/labels.js';
import { validateImageArg, validatePortArg, validateReplicasArg } from '../../src/model/validation.js';
import { printTable } from '../printers/table.js';
import { type GlobalOptions, mutate, namespaceOf } from '../session.js';

interface RunOptions extends GlobalOptions {
  readonly name: string;
  readonly image?: string;
  readonly replicas: unknown;
  readonly labels?: string;
  readonly port?: unknown;
}

export const runCommandModule: CommandModule<GlobalOptions, RunOptions> = {
  command: 'run <name>',
  describe: 'Run an image in a new replication controller (labels and selector run=NAME)',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('name', { type: 'string', demandOption: true })
      .option('image', { type: 'string', describe: 'the container image' })
      .option('replicas', { alias: 'r', type: 'string', default: '1' })
      .option('labels', { alias: 'L', type: 'string', describe: 'labels for the RC and its pods, k=v,...' })
      .option('port', { type: 'string', describe: 'the port the container exposes' }) as unknown as Argv<RunOptions>,
  handler: async (argv) => {
    const image = validateImageArg(argv.image);
    const replicas = validateReplicasArg(argv.replicas);
    const port = argv.port === undefined ? undefined : validatePortArg(argv.port);
    const labels = argv.labels !== undefined ? parseLabelAssignments(argv.labels) : undefined;
    const namespace = namespaceOf(argv);
    const command = runCommand({
      name: argv.name,
      image,
      replicas,
      namespace,
      ...(labels ? { labels } : {}),
      ...(port !== undefined ? { port } : {}),
    });
    const { created, now } = await mutate(argv, async (cluster, actor) => {
      const [entry] = await cluster.api.execute(actor, [command]);
      return { created: entry?.type === 'ReplicationControllerCreated' ? entry.data.object : undefined, now: cluster.now() };
    });
    // kubectl v1.1's run printed the new RC as `get rc` prints it.
    if (created) process.stdout.write(printTable('ReplicationController', [created], now));
  },
};
