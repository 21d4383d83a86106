import type { Argv, CommandModule } from 'yargs';
import { loadStateDiff } from '../../src/audit/state-diff.js';
import { printStateDiff } from '../printers/audit.js';
import { kindOf } from '../resources.js';
import { type GlobalOptions, withCluster } from '../session.js';

interface DiffOptions extends GlobalOptions {
  readonly resource?: string;
  readonly from: string;
  readonly to?: string;
  readonly includeEvents: boolean;
}

export const diffCommand: CommandModule<GlobalOptions, DiffOptions> = {
  command: 'diff [resource]',
  describe: 'Show the objects created, deleted and changed between two moments: diff --from T1 [--to T2] [KIND]',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', describe: 'only objects of this kind (pods, rc, ev, no, ns)' })
      .option('from', { type: 'string', demandOption: true, describe: 'the earlier moment: RFC 3339, a duration back from now (--from=-5m) or rev:N' })
      .option('to', { type: 'string', describe: 'the later moment, as --from (default: now)' })
      .option('include-events', {
        type: 'boolean',
        default: false,
        describe: 'also list Events, which every step of a pod records; left out by default unless KIND is events',
      }) as unknown as Argv<DiffOptions>,
  handler: async (argv) => {
    const kind = argv.resource !== undefined ? kindOf(argv.resource) : undefined;
    await withCluster(argv, async (cluster) => {
      const from = await cluster.resolve(argv.from);
      const to = await cluster.resolve(argv.to ?? `rev:${await cluster.store.head()}`);
      const diff = await loadStateDiff(cluster.store, from, to, { ...(kind ? { kind } : {}), includeEvents: argv.includeEvents });
      process.stdout.write(printStateDiff(diff));
      if (diff.changes.length === 0) process.stderr.write('No changes.\n');
    });
  },
};
