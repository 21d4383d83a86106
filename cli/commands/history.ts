import type { Argv, CommandModule } from 'yargs';
import { loadHistory } from '../../src/audit/history.js';
import { objectRef } from '../../src/audit/object-ref.js';
import { isNamespaced } from '../../src/model/types.js';
import type { ObjectKey } from '../../src/projections/store.js';
import { printHistory } from '../printers/audit.js';
import { parseResourceArgs, UsageError } from '../resources.js';
import { type GlobalOptions, namespaceOf, withCluster } from '../session.js';

interface HistoryOptions extends GlobalOptions {
  readonly resource: string[];
  readonly at?: string;
}

export const historyCommand: CommandModule<GlobalOptions, HistoryOptions> = {
  command: 'history <resource..>',
  describe: 'Show every entry that changed an object, with the fields each one changed (deleted objects too): history KIND/NAME',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', array: true, demandOption: true })
      .option('at', { type: 'string', describe: 'the history as it stood at T: RFC 3339, --at=-5m or rev:N' }) as unknown as Argv<HistoryOptions>,
  handler: async (argv) => {
    const key = objectKeyArg(argv.resource, argv, 'history');
    await withCluster(argv, async (cluster) => {
      const upTo = argv.at === undefined ? undefined : (await cluster.resolve(argv.at)).revision;
      process.stdout.write(printHistory(objectRef(key), await loadHistory(cluster.store.log, key, upTo)));
    });
  },
};

/** One object as kubectl names it: `KIND/NAME` or `KIND NAME`, in `-n` (default `default`) when its kind has namespaces. */
export function objectKeyArg(args: readonly string[], options: GlobalOptions, verb: string): ObjectKey {
  const { kind, names } = parseResourceArgs(args);
  const [name, ...more] = names;
  if (name === undefined) throw new UsageError(`you must specify the name of the object: ${verb} KIND/NAME`);
  if (more.length > 0) throw new UsageError(`${verb} takes one object, not ${names.length}`);
  return { kind, namespace: isNamespaced(kind) ? namespaceOf(options) : '', name };
}
