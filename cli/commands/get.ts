import type { Argv, CommandModule } from 'yargs';
import { getObject, listObjects } from '../../src/api/reads.js';
import { watchedObjects, watchObjects, watchStart } from '../../src/api/watch.js';
import { parseSelector } from '../../src/model/labels.js';
import type { KubeObject } from '../../src/model/types.js';
import { checkOutputFormat, formatObjects } from '../output.js';
import { printRows } from '../printers/table.js';
import { parseResourceArgs, UsageError } from '../resources.js';
import { type GlobalOptions, namespaceOf, withCluster } from '../session.js';

interface GetOptions extends GlobalOptions {
  readonly resource: string[];
  readonly output?: string;
  readonly selector?: string;
  readonly allNamespaces: boolean;
  readonly noHeaders: boolean;
  readonly showLabels: boolean;
  readonly watch: boolean;
  readonly at?: string;
}

export const getCommand: CommandModule<GlobalOptions, GetOptions> = {
  command: 'get <resource..>',
  describe: 'Display one or many resources (pods|po, replicationcontrollers|rc, events|ev, nodes|no, namespaces|ns)',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', array: true, demandOption: true })
      .option('output', { alias: 'o', type: 'string', describe: 'json|yaml|wide|name' })
      .option('selector', { alias: 'l', type: 'string', describe: 'label selector, e.g. run=nginx or env in (a,b)' })
      .option('all-namespaces', { type: 'boolean', default: false })
      .option('no-headers', { type: 'boolean', default: false })
      .option('show-labels', { type: 'boolean', default: false })
      .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'after listing, print each change until interrupted' })
      .option('at', { type: 'string', describe: 'as of a past moment: RFC 3339, -5m, or rev:N' }) as unknown as Argv<GetOptions>,
  handler: async (argv) => {
    checkOutputFormat(argv.output);
    const { kind, names } = parseResourceArgs(argv.resource);
    const selector = argv.selector !== undefined ? parseSelector(argv.selector) : undefined;
    const namespace = argv.allNamespaces ? undefined : namespaceOf(argv);
    if (argv.watch && argv.at !== undefined) throw new UsageError('--watch follows the log from now on; it cannot be combined with --at');
    const request = { kind, namespace, ...(selector ? { selector } : {}), names };
    await withCluster(argv, async (cluster) => {
      // A watch lists what it then follows, so that no change falls between the two.
      const start = argv.watch ? await watchStart(cluster.store, kind) : undefined;
      const view = await cluster.view(argv.at);
      const objects: KubeObject[] = start
        ? watchedObjects(start.objects, request)
        : names.length > 0
          ? await Promise.all(names.map((n) => getObject(view.reader, kind, namespace ?? 'default', n)))
          : await listObjects(view.reader, request);
      const asList = names.length !== 1;
      if (objects.length === 0 && !argv.watch && (argv.output === undefined || argv.output === 'wide')) {
        process.stderr.write(namespace && kind !== 'Node' && kind !== 'Namespace' ? `No resources found in ${namespace} namespace.\n` : 'No resources found.\n');
      } else {
        process.stdout.write(formatObjects(kind, objects as never, view.now, argv, asList));
      }
      if (!start) return;
      const options = { noHeaders: true, showLabels: argv.showLabels, withNamespace: argv.allNamespaces, wide: argv.output === 'wide' };
      await watchObjects(cluster.store, request, start, (object) => {
        const text =
          argv.output === 'json' || argv.output === 'yaml' || argv.output === 'name'
            ? formatObjects(kind, [object] as never, cluster.now(), argv, false)
            : printRows(kind, [object] as never, cluster.now(), options);
        process.stdout.write(text);
      }, stopSignal());
    });
  },
};

/** Aborted on Ctrl-C or SIGTERM, so that a watch ends cleanly and closes the database. */
function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}
