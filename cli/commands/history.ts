import type { Argv, CommandModule } from 'yargs';
import { loadHistory } from '../../src/audit/history.js';
import { clusterNow } from '../../src/audit/moments.js';
import { objectRef } from '../../src/audit/object-ref.js';
import type { Cluster } from '../../src/cluster/cluster.js';
import { parseMoment } from '../../src/model/durations.js';
import { resolveMoment } from '../../src/projections/state-at.js';
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
      const upTo = argv.at === undefined ? undefined : await revisionOf(cluster, argv.at);
      process.stdout.write(printHistory(objectRef(key), await loadHistory(cluster.store.log, key, upTo)));
    });
  },
};

/** The revision a moment given with --at resolves to, on the cluster's clock. */
export async function revisionOf(cluster: Cluster, at: string): Promise<number> {
  const now = await clusterNow(cluster.store, cluster.now().getTime());
  return (await resolveMoment(cluster.store, parseMoment(at, now), now)).revision;
}

/** One object as kubectl names it: `KIND/NAME` or `KIND NAME`, in `-n` (default `default`) when its kind has namespaces. */
export function objectKeyArg(args: readonly string[], options: GlobalOptions, verb: string): ObjectKey {
  const { kind, names } = parseResourceArgs(args);
  const [name, ...more] = names;
  if (name === undefined) throw new UsageError(`you must specify the name of the object: ${verb} KIND/NAME`);
  if (more.length > 0) throw new UsageError(`${verb} takes one object, not ${names.length}`);
  return { kind, namespace: isNamespaced(kind) ? namespaceOf(options) : '', name };
}
