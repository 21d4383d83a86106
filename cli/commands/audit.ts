import type { Argv, CommandModule } from 'yargs';
import { actorOf, type AuditFilter, entryTypeOf, loadAudit } from '../../src/audit/audit-query.js';
import { parseMoment } from '../../src/model/durations.js';
import { badRequest } from '../../src/model/errors.js';
import { isNamespaced } from '../../src/model/types.js';
import { printAudit, printEntriesJson, printEntriesYaml } from '../printers/audit.js';
import { parseResourceArgs, UsageError } from '../resources.js';
import { type GlobalOptions, withCluster } from '../session.js';

interface AuditOptions extends GlobalOptions {
  readonly resource?: string[];
  readonly since?: string;
  readonly until?: string;
  readonly actor?: string;
  readonly type?: string;
  readonly output?: string;
  readonly at?: string;
}

const FORMATS = ['json', 'yaml'];

export const auditCommand: CommandModule<GlobalOptions, AuditOptions> = {
  command: 'audit [resource..]',
  describe: 'List the entries of the log (who did what to which object, when): audit [--since T] [--until T] [--actor A] [--type T] [KIND[/NAME]]',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', array: true, describe: 'KIND, KIND/NAME or KIND NAME; a name is looked up in -n (default: default), a kind alone in every namespace unless -n is given' })
      .option('since', { type: 'string', describe: 'entries at or after T: RFC 3339, a duration back from now (--since=-5m) or rev:N' })
      .option('until', { type: 'string', describe: 'entries at or before T, as --since' })
      .option('at', { type: 'string', describe: 'the log as it stood at T (the same as --until T)' })
      .option('actor', { type: 'string', describe: 'only this actor: user:alice (or just alice), system:scheduler, system:kubelet:10.0.3.254' })
      .option('type', { type: 'string', describe: 'only this entry type, e.g. PodCreated, ReplicationControllerScaled' })
      .option('output', { alias: 'o', type: 'string', describe: 'json|yaml: the entries themselves' }) as unknown as Argv<AuditOptions>,
  handler: async (argv) => {
    if (argv.output !== undefined && !FORMATS.includes(argv.output)) {
      throw badRequest(`output format "${argv.output}" not recognized; use one of ${FORMATS.join(', ')}`);
    }
    const filter: AuditFilter = {
      ...objectFilter(argv.resource ?? [], argv.namespace),
      ...(argv.actor !== undefined ? { actor: actorOf(argv.actor) } : {}),
      ...(argv.type !== undefined ? { type: entryTypeOf(argv.type) } : {}),
    };
    if (argv.at !== undefined && argv.until !== undefined) throw new UsageError('--at and --until both bound the end; give one');
    const until = argv.until ?? argv.at;
    await withCluster(argv, async (cluster) => {
      const now = await cluster.readNow();
      const entries = await loadAudit(cluster.store.log, {
        ...filter,
        ...(argv.since !== undefined ? { since: parseMoment(argv.since, now) } : {}),
        ...(until !== undefined ? { until: parseMoment(until, now) } : {}),
      });
      if (argv.output === 'json') process.stdout.write(printEntriesJson(entries));
      else if (argv.output === 'yaml') process.stdout.write(printEntriesYaml(entries));
      else if (entries.length === 0) process.stderr.write('No entries found.\n');
      else process.stdout.write(printAudit(entries));
    });
  },
};

// A name lives in one namespace, so it defaults to `default` as in kubectl; a
// kind alone is an audit of every namespace unless -n narrows it.
function objectFilter(args: readonly string[], namespace: string | undefined): Pick<AuditFilter, 'kind' | 'namespace' | 'name'> {
  if (args.length === 0) return {};
  const { kind, names } = parseResourceArgs(args);
  if (names.length > 1) throw new UsageError(`audit takes one object, not ${names.length}`);
  const [name] = names;
  const ns = !isNamespaced(kind) ? '' : (namespace ?? (name !== undefined ? 'default' : undefined));
  return { kind, ...(ns !== undefined ? { namespace: ns } : {}), ...(name !== undefined ? { name } : {}) };
}
