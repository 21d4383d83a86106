import { describe, expect, it } from 'vitest';
import { joinNegativeMoments } from '../../cli/argv.js';

describe('joinNegativeMoments', () => {
  it('given a moment back from now after a moment option, then it becomes that option\'s value', () => {
    expect(joinNegativeMoments(['get', 'pods', '--at', '-5m'])).toEqual(['get', 'pods', '--at=-5m']);
    expect(joinNegativeMoments(['diff', '--from', '-2h', '--to', '-1h30m'])).toEqual(['diff', '--from=-2h', '--to=-1h30m']);
  });

  it('given clock advance with a negative duration, then it stays an argument for the verb to refuse', () => {
    expect(joinNegativeMoments(['clock', 'advance', '-5s'])).toEqual(['clock', 'advance', '--', '-5s']);
  });

  it('given a flag after a moment option, or a dash value elsewhere, then nothing changes', () => {
    expect(joinNegativeMoments(['get', 'pods', '--at', '-o', 'json'])).toEqual(['get', 'pods', '--at', '-o', 'json']);
    expect(joinNegativeMoments(['scale', '--replicas', '-1', 'rc', 'x'])).toEqual(['scale', '--replicas', '-1', 'rc', 'x']);
    expect(joinNegativeMoments(['get', 'pods', '--at=rev:3'])).toEqual(['get', 'pods', '--at=rev:3']);
  });
});
