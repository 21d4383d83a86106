import type { Argv, CommandModule } from 'yargs';
import { forkCluster } from '../../src/integrity/fork.js';
import { requireDatabase } from '../../src/integrity/sqlite-source.js';
import { type GlobalOptions, openCluster } from '../session.js';
import { rfc3339 } from './clock.js';

interface ForkOptions extends GlobalOptions {
  readonly dir: string;
  readonly at: string;
}

export const forkCommand: CommandModule<GlobalOptions, ForkOptions> = {
  command: 'fork <dir>',
  describe: 'Copy the log up to a moment into a new data directory, which then runs on as a cluster of its own',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('dir', { type: 'string', demandOption: true, describe: 'the new data directory: absent or empty' })
      .option('at', {
        type: 'string',
        demandOption: true,
        describe: "the last moment to keep: RFC 3339, a duration back from the cluster's clock (--at=-5m) or rev:N",
      }) as unknown as Argv<ForkOptions>,
  handler: async (argv) => {
    // Checked first: opening a cluster makes one, and a fork of nothing is a mistake.
    requireDatabase(argv.data);
    const revision = await revisionAt(argv);
    const report = await forkCluster({ source: argv.data, target: argv.dir, revision });
    const entries = `${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}`;
    process.stdout.write(`forked ${argv.dir} at revision ${report.revision} (${rfc3339(new Date(report.time))}): ${entries}\n`);
  },
};

/** The revision --at names on the source cluster, read on its clock (real or virtual) as `get --at` reads it. */
async function revisionAt(options: ForkOptions): Promise<number> {
  const { cluster } = await openCluster(options);
  try {
    return (await cluster.resolve(options.at)).revision;
  } finally {
    await cluster.close();
  }
}
