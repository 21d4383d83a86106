import type { Argv, CommandModule } from 'yargs';
import { validateReplicasArg } from '../../src/model/validation.js';
import { parseResourceArgs, UsageError } from '../resources.js';
import { type GlobalOptions, mutate, namespaceOf } from '../session.js';

interface ScaleOptions extends GlobalOptions {
  readonly resource: string[];
  readonly replicas: unknown;
}

export const scaleCommand: CommandModule<GlobalOptions, ScaleOptions> = {
  command: 'scale <resource..>',
  describe: 'Set a new size for a replication controller: scale --replicas=N rc NAME',
  builder: (yargs: Argv<GlobalOptions>) =>
    yargs
      .positional('resource', { type: 'string', array: true, demandOption: true })
      .option('replicas', { type: 'string', demandOption: true, describe: 'the new desired number of replicas' }) as unknown as Argv<ScaleOptions>,
  handler: async (argv) => {
    const replicas = validateReplicasArg(argv.replicas);
    const { names } = parseResourceArgs(argv.resource, ['ReplicationController']);
    if (names.length === 0) throw new UsageError('you must specify the name of the replication controller to scale');
    const namespace = namespaceOf(argv);
    await mutate(argv, (cluster, actor) =>
      cluster.api.execute(actor, names.map((name) => ({ type: 'ScaleReplicationController' as const, namespace, name, replicas }))),
    );
    for (const name of names) process.stdout.write(`replicationcontroller "${name}" scaled\n`);
  },
};
