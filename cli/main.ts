#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { clockCommand } from './commands/clock.js';
import { auditCommand } from './commands/audit.js';
import { createCommandModule } from './commands/create.js';
import { deleteCommandModule } from './commands/delete.js';
import { describeCommand } from './commands/describe.js';
import { diffCommand } from './commands/diff.js';
import { forkCommand } from './commands/fork.js';
import { getCommand } from './commands/get.js';
import { historyCommand } from './commands/history.js';
import { initCommand } from './commands/init.js';
import { runCommandModule } from './commands/run.js';
import { scaleCommand } from './commands/scale.js';
import { verifyCommand } from './commands/verify.js';
import { versionCommand } from './commands/version.js';
import { whyCommand } from './commands/why.js';
import { joinNegativeMoments } from './argv.js';
import { errorLine } from './errors.js';
import type { GlobalOptions } from './session.js';

async function main(argv: readonly string[]): Promise<void> {
  await yargs(argv)
    .scriptName('kubelog')
    // kubectl's --no-headers is a flag of its own, not the negation of --headers.
    .parserConfiguration({ 'boolean-negation': false })
    .usage('kubelog: a Kubernetes-style control plane kept in an append-only log\n\nUsage: kubelog <command> [options]')
    .option('data', {
      type: 'string',
      default: process.env['KUBELOG_DATA'] ?? 'data',
      describe: 'data directory holding cluster.db (env KUBELOG_DATA)',
      global: true,
    })
    .option('as', { type: 'string', describe: 'act as this user (entries carry user:NAME)', global: true })
    .option('namespace', { alias: 'n', type: 'string', describe: 'namespace (default: default)', global: true })
    .option('v', { type: 'count', describe: 'log verbosity on stderr (-v info, -vv debug)', global: true })
    .command(initCommand)
    .command(runCommandModule)
    .command(getCommand)
    .command(describeCommand)
    .command(createCommandModule)
    .command(deleteCommandModule)
    .command(scaleCommand)
    .command(clockCommand)
    .command(verifyCommand)
    .command(forkCommand)
    .command(versionCommand)
    .command(auditCommand)
    .command(historyCommand)
    .command(whyCommand)
    .command(diffCommand)
    .demandCommand(1, 'You must specify a command; see kubelog --help')
    .strict()
    .recommendCommands()
    .fail((message, error) => {
      throw error ?? new UsageFailure(message);
    })
    .help()
    .parseAsync();
}

class UsageFailure extends Error {}

main(joinNegativeMoments(hideBin(process.argv))).catch((error: unknown) => {
  process.stderr.write(`${errorLine(error)}\n`);
  process.exitCode = 1;
});

export type { GlobalOptions };
