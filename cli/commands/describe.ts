import type { Argv, CommandModule } from 'yargs';
import { describeNodeData, describePodData, describeReplicationControllerData } from '../../src/api/reads.js';
import { describeNode, describePod, describeReplicationController } from '../printers/describe.js';
import { parseResourceArgs, UsageError } from '../resources.js';
import { type GlobalOptions, namespaceOf, withCluster } from '../session.js';

interface DescribeOptions extends GlobalOptions {
  readonly resource: string[];
  readonly at?: string;
}

export const describeCommand: CommandModule<GlobalOptions, DescribeOptions> = {
  command: 'describe <resource..>',
  describe: 'Show details of a pod, replicationcontroller or node, with its Events',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', array: true, demandOption: true })
      .option('at', { type: 'string', describe: 'as of a past moment: RFC 3339, -5m, or rev:N' }) as unknown as Argv<DescribeOptions>,
  handler: async (argv) => {
    const { kind, names } = parseResourceArgs(argv.resource, ['Pod', 'ReplicationController', 'Node']);
    if (names.length === 0) throw new UsageError('you must specify the name of the resource to describe');
    const namespace = namespaceOf(argv);
    await withCluster(argv, async (cluster) => {
      const { reader, now } = await cluster.view(argv.at);
      const texts: string[] = [];
      for (const name of names) {
        if (kind === 'Pod') {
          const d = await describePodData(reader, namespace, name);
          texts.push(describePod(d.pod, d.controllers, d.events, now));
        } else if (kind === 'ReplicationController') {
          const d = await describeReplicationControllerData(reader, namespace, name);
          texts.push(describeReplicationController(d.controller, d.pods, d.events, now));
        } else {
          const d = await describeNodeData(reader, name);
          texts.push(describeNode(d.node, d.pods, d.events, now));
        }
      }
      process.stdout.write(texts.join('\n\n'));
    });
  },
};
