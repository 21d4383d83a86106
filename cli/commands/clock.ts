import type { Argv, CommandModule } from 'yargs';
import { parseDuration } from '../../src/model/durations.js';
import { badRequest } from '../../src/model/errors.js';
import { UsageError } from '../resources.js';
import { type GlobalOptions, mutate, withCluster } from '../session.js';

interface ClockOptions extends GlobalOptions {
  readonly args: string[];
}

export const clockCommand: CommandModule<GlobalOptions, ClockOptions> = {
  command: 'clock [args..]',
  describe: "Print the cluster's time; `clock advance 13s` (8m, 1h30m) moves a virtual clock forward, running what falls due",
  builder: (yargs: Argv<GlobalOptions>) => yargs.positional('args', { type: 'string', array: true, default: [] }) as unknown as Argv<ClockOptions>,
  handler: async (argv) => {
    // A negative duration arrives after `--` (see cli/argv.ts), among the plain arguments.
    const [verb, amount, ...rest] = [...argv.args, ...argv._.slice(1).map(String)];
    if (verb === undefined) {
      // A real clock is read to the second, as Kubernetes timestamps are; a virtual one exactly.
      const now = await withCluster(argv, async (cluster) =>
        cluster.clockMode === 'virtual' ? cluster.now() : new Date(Math.floor(cluster.now().getTime() / 1000) * 1000),
      );
      process.stdout.write(`${rfc3339(now)}\n`);
      return;
    }
    if (verb !== 'advance' || amount === undefined || rest.length > 0) throw new UsageError('usage: kubelog clock [advance DURATION]');
    if (amount.startsWith('-')) throw badRequest('the clock never moves backwards: give a duration forward, e.g. 13s');
    const ms = parseDuration(amount);
    const now = await mutate(argv, (cluster, actor) => cluster.advance(actor, ms));
    process.stdout.write(`${rfc3339(now)}\n`);
  },
};

/** RFC 3339 in UTC, with milliseconds only when there are some. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
