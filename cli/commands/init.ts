import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_MAX_PODS } from '../../src/cluster/nodes.js';
import { badRequest } from '../../src/model/errors.js';
import { actorOf, type GlobalOptions, openCluster } from '../session.js';

interface InitOptions extends GlobalOptions {
  readonly nodes: number;
  readonly maxPods: number;
  readonly clock: string;
  readonly start?: string;
}

export const initCommand: CommandModule<GlobalOptions, InitOptions> = {
  command: 'init',
  describe: 'Create a cluster in the data directory: the default namespace and N Ready nodes (10.0.3.254, 10.0.3.253, ...)',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .option('nodes', { type: 'number', default: 1, describe: 'how many nodes' })
      .option('max-pods', { type: 'number', default: DEFAULT_MAX_PODS, describe: 'pods each node holds' })
      .option('clock', { type: 'string', choices: ['real', 'virtual'], default: 'real', describe: 'virtual: time moves only with `clock advance`' })
      .option('start', { type: 'string', describe: 'a virtual clock\'s first reading, RFC 3339 (default: now)' }) as unknown as Argv<InitOptions>,
  handler: async (argv) => {
    const virtualStart = argv.clock === 'virtual' ? startOf(argv.start) : undefined;
    if (argv.start !== undefined && virtualStart === undefined) throw badRequest('--start goes with --clock virtual');
    const { cluster } = await openCluster(argv);
    try {
      await cluster.init(actorOf(argv), { nodes: argv.nodes, maxPods: argv.maxPods, ...(virtualStart !== undefined ? { virtualStart } : {}) });
    } finally {
      await cluster.close();
    }
    const clock = virtualStart !== undefined ? `, virtual clock at ${new Date(virtualStart).toISOString().replace('.000Z', 'Z')}` : '';
    process.stdout.write(`cluster initialized in ${argv.data} with ${argv.nodes} node${argv.nodes === 1 ? '' : 's'}${clock}\n`);
  },
};

function startOf(text: string | undefined): number {
  if (text === undefined) return Math.floor(Date.now() / 1000) * 1000;
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) throw badRequest(`invalid --start "${text}": use RFC 3339, e.g. 2015-12-09T10:34:18Z`);
  return time;
}
