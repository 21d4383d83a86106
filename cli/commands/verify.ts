import type { CommandModule } from 'yargs';
import { failureLine } from '../../src/integrity/failure.js';
import { verifyDataDir } from '../../src/integrity/sqlite-source.js';
import type { VerifyReport } from '../../src/integrity/verify.js';
import type { GlobalOptions } from '../session.js';

/** Failures printed before the rest are only counted: a dropped table would otherwise print one line per object. */
const SHOWN = 10;

export const verifyCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'verify',
  describe: "Check the log's hash chain, and that the projections and snapshots equal the fold of the log",
  handler: async (argv) => {
    const progress = progressReporter();
    const report = await verifyDataDir(argv.data, { onProgress: progress.report });
    progress.end();
    if (report.failures.length === 0) {
      process.stdout.write(`${successLine(report)}\n`);
      return;
    }
    // The verdict is the command's output, so it goes to stdout; the exit code tells scripts.
    for (const failure of report.failures.slice(0, SHOWN)) process.stdout.write(`${failureLine(failure)}\n`);
    if (report.failures.length > SHOWN) process.stdout.write(`... and ${report.failures.length - SHOWN} more\n`);
    process.exitCode = 1;
  },
};

/** @example 'verified 1234 entries (revisions 1 to 1234): hash chain intact, projections and 3 snapshots match the log' */
function successLine(report: VerifyReport): string {
  const { entries, snapshots } = report;
  const range = entries === 0 ? 'the log is empty' : `revisions 1 to ${entries}`;
  const matched = snapshots === 0 ? 'projections match' : `projections and ${snapshots} snapshot${snapshots === 1 ? '' : 's'} match`;
  return `verified ${entries} ${entries === 1 ? 'entry' : 'entries'} (${range}): hash chain intact, ${matched} the log`;
}

// Long walks show progress on a terminal's stderr; stdout stays the verdict.
function progressReporter() {
  const started = Date.now();
  let shown = false;
  return {
    report: (checked: number, head: number) => {
      if (!process.stderr.isTTY || Date.now() - started < 1000) return;
      process.stderr.write(`\rverifying: ${checked} of ${head} entries`);
      shown = true;
    },
    end: () => {
      if (shown) process.stderr.write('\n');
    },
  };
}
