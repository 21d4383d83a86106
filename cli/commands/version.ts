import { readFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import type { GlobalOptions } from '../session.js';

/** The Kubernetes release whose behaviour and output kubelog reproduces; kubectl v1.1 printed versions this way. */
const SERVER_GIT_VERSION = 'v1.1.2';

export const versionCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'version',
  describe: 'Print the client and server version information',
  handler: () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    const info = `version.Info{Major:"1", Minor:"1", GitVersion:"${SERVER_GIT_VERSION}", GitCommit:"kubelog-${pkg.version}", GitTreeState:"clean"}`;
    process.stdout.write(`Client Version: ${info}\nServer Version: ${info}\n`);
  },
};
