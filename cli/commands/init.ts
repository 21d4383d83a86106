import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_MAX_PODS } from '../../src/cluster/nodes.js';
import { actorOf, type GlobalOptions, openCluster } from '../session.js';

interface InitOptions extends GlobalOptions {
  readonly nodes: number;
  readonly maxPods: number;
}

export const initCommand: CommandModule<GlobalOptions, InitOptions> = {
  command: 'init',
  describe: 'Create a cluster in the data directory: the default namespace and N Ready nodes (10.0.3.254, 10.0.3.253, ...)',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .option('nodes', { type: 'number', default: 1, describe: 'how many nodes' })
      .option('max-pods', { type: 'number', default: DEFAULT_MAX_PODS, describe: 'pods each node holds' }) as unknown as Argv<InitOptions>,
  handler: async (argv) => {
    const { cluster } = await openCluster(argv);
    try {
      await cluster.init(actorOf(argv), { nodes: argv.nodes, maxPods: argv.maxPods });
    } finally {
      await cluster.close();
    }
    process.stdout.write(`cluster initialized in ${argv.data} with ${argv.nodes} node${argv.nodes === 1 ? '' : 's'}\n`);
  },
};
