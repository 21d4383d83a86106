const MOMENT_OPTIONS = new Set(['--at', '--since', '--until', '--from', '--to']);

/**
 * `--at -5m` as `--at=-5m`, and `clock advance -5s` kept as an argument: a
 * parser reads a value that starts with a dash as another flag, but a moment
 * back from now is written exactly that way.
 */
export function joinNegativeMoments(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (MOMENT_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else if (arg === 'advance' && next !== undefined && /^-\d/.test(next)) {
      joined.push(arg, '--', next);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
