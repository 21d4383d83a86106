import type { Argv, CommandModule } from 'yargs';
import { isUserRequest, loadCauseChain, type WhyStart } from '../../src/audit/cause-chain.js';
import { badRequest } from '../../src/model/errors.js';
import { printCauseChain } from '../printers/audit.js';
import { UsageError } from '../resources.js';
import { type GlobalOptions, withCluster } from '../session.js';
import { objectKeyArg } from './history.js';

interface WhyOptions extends GlobalOptions {
  readonly resource?: string[];
  readonly rev?: string;
  readonly at?: string;
}

export const whyCommand: CommandModule<GlobalOptions, WhyOptions> = {
  command: 'why [resource..]',
  describe:
    "Follow an object's last entry back, cause by cause, to the request that started it: why KIND/NAME [--rev N], or why --rev N for entry N",
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', array: true })
      .option('rev', { type: 'string', describe: "start from the object's last entry at or before revision N (N or rev:N)" })
      .option('at', { type: 'string', describe: "start from the object's last entry at or before T: RFC 3339, --at=-5m or rev:N" }) as unknown as Argv<WhyOptions>,
  handler: async (argv) => {
    if (argv.rev !== undefined && argv.at !== undefined) throw new UsageError('--rev and --at both say where to start; give one');
    const resource = argv.resource ?? [];
    const key = resource.length > 0 ? objectKeyArg(resource, argv, 'why') : undefined;
    if (!key && argv.rev === undefined) throw new UsageError('you must specify an object (why KIND/NAME) or a revision (why --rev N)');
    await withCluster(argv, async (cluster) => {
      const revision =
        argv.rev !== undefined ? revisionArg(argv.rev) : argv.at !== undefined ? (await cluster.resolve(argv.at)).revision : undefined;
      const start: WhyStart = key ? { key, ...(revision !== undefined ? { revision } : {}) } : { revision: revision! };
      const chain = await loadCauseChain(cluster.store.log, start);
      process.stdout.write(printCauseChain(chain));
      const root = chain[chain.length - 1]!;
      // A component's entry without a cause is a gap in the record (work picked up on restart), not a request.
      if (!isUserRequest(root)) process.stderr.write(`warning: entry ${root.seq} by ${root.actor} records no cause; the chain ends before any user's request\n`);
    });
  },
};

function revisionArg(text: string): number {
  const m = /^(?:rev:)?(\d+)$/.exec(text.trim());
  if (!m) throw badRequest(`invalid revision "${text}": use a whole number, e.g. --rev 12`);
  return Number(m[1]);
}
