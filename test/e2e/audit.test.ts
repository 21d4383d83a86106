// audit, history, why and diff over a session of the seed's verbs, run through
// the built CLI: the log of a real session, read back as an auditor would.

import { describe, expect, it } from 'vitest';
import type { LogRow } from '../../src/log/reader.js';
import { parse as parseYaml } from 'yaml';
import { lines, parseTable, seedFile, useCluster } from './cli.js';

const AS = ['--as', 'alice'];
const AUDIT_HEADER = ['REVISION', 'TIME', 'ACTOR', 'ACTION', 'OBJECT', 'DETAIL'];
const RFC3339_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type LogEntry = Omit<LogRow, 'data' | 'hash'> & { data: unknown };

describe('audit, history, why and diff', () => {
  const cluster = useCluster('all');
  const k = () => cluster.current;
  let firstPod = '';
  let beforeDelete = 0;
  let afterDelete = 0;
  let beforeScale = 0;

  const entries = (where = '1 = 1', ...params: unknown[]): LogEntry[] =>
    k().query((db) => db.prepare(`SELECT seq, time, actor, type, kind, namespace, name, uid, cause, data FROM log WHERE ${where} ORDER BY seq`).all(...params) as LogEntry[]);
  const audit = async (...args: string[]) => parseTable(await k().ok(['audit', ...args])).rows;

  it('sets up: run, delete pod, scale, create -f the seed RC, delete rc', async () => {
    await k().ok([...AS, 'run', 'nginx', '--image=nginx']);
    firstPod = entries("type = 'PodCreated'")[0]!.name;
    beforeDelete = k().head();
    await k().ok([...AS, 'delete', 'pod', firstPod]);
    afterDelete = k().head();
    beforeScale = afterDelete;
    await k().ok([...AS, 'scale', '--replicas=3', 'rc', 'nginx']);
    await k().ok([...AS, 'create', '-f', seedFile('webserver-rc.yaml')]);
    await k().ok([...AS, 'delete', 'rc', 'nginx']);
    expect(entries("type = 'PodCreated'").length).toBe(5);
  });

  describe('audit', () => {
    it('prints every entry in revision order under a header, times in RFC 3339 UTC', async () => {
      const text = await k().ok(['audit']);
      expect(parseTable(text).header).toEqual(AUDIT_HEADER);
      const rows = parseTable(text).rows;
      expect(rows.map((r) => Number(r['REVISION']))).toEqual(entries().map((e) => e.seq));
      for (const row of rows) expect(row['TIME']).toMatch(RFC3339_MS);
      expect(rows.find((r) => r['ACTION'] === 'PodBound')).toMatchObject({ ACTOR: 'system:scheduler', DETAIL: 'node=10.0.3.254' });
    });

    it('--actor alice (or user:alice) lists only her requests: the five commands and the cluster they made', async () => {
      const rows = await audit('--actor', 'alice');
      expect(new Set(rows.map((r) => r['ACTOR']))).toEqual(new Set(['user:alice']));
      expect(rows.map((r) => r['ACTION'])).toEqual(expect.arrayContaining(['ReplicationControllerCreated', 'PodDeletionRequested', 'ReplicationControllerScaled', 'ReplicationControllerDeleted']));
      expect(rows).toHaveLength(entries("actor = 'user:alice'").length);
      expect(await k().ok(['audit', '--actor', 'user:alice'])).toBe(await k().ok(['audit', '--actor', 'alice']));
    });

    it('--actor system:scheduler lists only the scheduler', async () => {
      const rows = await audit('--actor', 'system:scheduler');
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r['ACTION']))).toEqual(new Set(['PodBound', 'EventRecorded']));
    });

    it('--type ReplicationControllerScaled finds the one scale, by alice, with its replicas', async () => {
      expect(await audit('--type', 'ReplicationControllerScaled')).toEqual([
        expect.objectContaining({ ACTOR: 'user:alice', ACTION: 'ReplicationControllerScaled', OBJECT: 'replicationcontroller/default/nginx', DETAIL: 'replicas=3' }),
      ]);
      expect(await audit('--type', 'podcreated')).toHaveLength(5);
    });

    it('KIND/NAME narrows to one object, KIND to one kind', async () => {
      const rc = await audit('rc/nginx');
      expect(rc).toHaveLength(entries("kind = 'ReplicationController' AND name = 'nginx'").length);
      expect(new Set(rc.map((r) => r['OBJECT']))).toEqual(new Set(['replicationcontroller/default/nginx']));
      expect(await audit('replicationcontrollers', 'nginx')).toEqual(rc);
      const pods = await audit('po');
      expect(pods).toHaveLength(entries("kind = 'Pod'").length);
      for (const row of pods) expect(row['OBJECT']).toMatch(/^pod\/default\//);
    });

    it('--since rev:N and --until rev:M bound the revisions, inclusively', async () => {
      const rows = await audit('--since', `rev:${beforeDelete}`, '--until', `rev:${afterDelete}`);
      expect(rows.map((r) => Number(r['REVISION']))).toEqual(Array.from({ length: afterDelete - beforeDelete + 1 }, (_, i) => beforeDelete + i));
      expect(rows[1]).toMatchObject({ ACTOR: 'user:alice', ACTION: 'PodDeletionRequested', OBJECT: `pod/default/${firstPod}` });
    });

    it('--since an RFC 3339 time or a duration back from now bounds by time', async () => {
      const scale = entries("type = 'ReplicationControllerScaled'")[0]!;
      const rows = await audit('--since', new Date(scale.time).toISOString());
      expect(Number(rows[0]!['REVISION'])).toBe(entries('time >= ?', scale.time)[0]!.seq);
      expect(await audit('--since=-1h')).toHaveLength(entries().length);
    });

    it('-o json prints the entries themselves; -o yaml the same', async () => {
      const json = JSON.parse(await k().ok(['audit', '--since', `rev:${beforeScale}`, '-o', 'json'])) as LogEntry[];
      const expected = entries('seq >= ?', beforeScale).map((e) => ({ ...e, data: JSON.parse(e.data as string) as unknown }));
      expect(json).toEqual(expected);
      expect(Object.keys(json[0]!)).toEqual(['seq', 'time', 'actor', 'type', 'kind', 'namespace', 'name', 'uid', 'cause', 'data']);
      expect(parseYaml(await k().ok(['audit', '--since', `rev:${beforeScale}`, '-o', 'yaml']))).toEqual(json);
    });

    it('a filter that matches nothing says so on stderr, and -o json prints []', async () => {
      const result = await k().run(['audit', '--actor', 'bob']);
      expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'No entries found.\n' });
      expect(await k().ok(['audit', '--actor', 'bob', '-o', 'json'])).toBe('[]\n');
    });
  });

  describe('history', () => {
    it('of the RC shows the scale by alice as spec.replicas: 1 → 3, through to its deletion', async () => {
      const out = lines(await k().ok(['history', 'rc/nginx']));
      const rc = entries("kind = 'ReplicationController' AND name = 'nginx'")[0]!;
      expect(out[0]).toBe(`replicationcontroller/default/nginx uid=${rc.uid}`);
      expect(out[1]!.split(/\s+/)).toEqual(['REVISION', 'TIME', 'ACTOR', 'ACTION', 'DETAIL']);
      const scaleAt = out.findIndex((l) => /\buser:alice\s+ReplicationControllerScaled\s+replicas=3$/.test(l));
      expect(scaleAt).toBeGreaterThan(0);
      expect(out.slice(scaleAt + 1, scaleAt + 3)).toEqual(['      metadata.generation: 1 → 2', '      spec.replicas: 1 → 3']);
      expect(out[out.length - 1]).toMatch(/\buser:alice\s+ReplicationControllerDeleted$/);
      expect(out.some((l) => l.includes('resourceVersion'))).toBe(false);
    });

    it('of a deleted pod shows its whole life, the deletion request by alice included', async () => {
      const out = lines(await k().ok(['history', 'pod', firstPod]));
      expect(out[0]).toMatch(new RegExp(`^pod/default/${firstPod} uid=`));
      const actions = out.filter((l) => /^\d+\s/.test(l)).map((l) => l.split(/\s+/)[3]);
      expect(actions[0]).toBe('PodCreated');
      expect(actions).toContain('PodBound');
      expect(actions.slice(-2)).toEqual(['PodDeletionRequested', 'PodDeleted']);
      expect(out).toContain('    + spec.nodeName: 10.0.3.254');
      const requested = out.findIndex((l) => /\buser:alice\s+PodDeletionRequested\b/.test(l));
      expect(out[requested + 1]).toMatch(/^ {4}\+ metadata\.deletionTimestamp: \d{4}-/);
    });

    it('of an object the log never held is NotFound, in kubectl words', async () => {
      expect(await k().run(['history', 'pod', 'nope'])).toMatchObject({ code: 1, stdout: '', stderr: 'Error from server: pods "nope" not found\n' });
    });
  });

  describe('why', () => {
    it('follows the creation of every pod in the log back to a request by alice', async () => {
      for (const created of entries("type = 'PodCreated'")) {
        const out = lines(await k().ok(['why', `pod/${created.name}`, '--rev', String(created.seq)]));
        expect(out[0]).toMatch(new RegExp(`^  ${created.seq}\\s.*\\bPodCreated\\s+pod/default/${created.name}\\b`));
        expect(out.slice(1).every((l) => l.startsWith('← '))).toBe(true);
        expect(out[out.length - 1]).toMatch(/^← \d+\s+\S+\s+user:alice\s/);
      }
    });

    it("follows every pod's most recent entry back to a request by alice", async () => {
      const broken: string[] = [];
      for (const name of new Set(entries("kind = 'Pod'").map((e) => e.name))) {
        const result = await k().run(['why', `pod/${name}`]);
        expect(result.code).toBe(0);
        const last = lines(result.stdout).pop()!;
        if (!/\suser:alice\s/.test(last) || result.stderr !== '') broken.push(`${name}: ${last.trim()} ${result.stderr.trim()}`);
      }
      expect(broken).toEqual([]);
    });

    it('every entry of the session without a cause is a user request: no component drops the chain', () => {
      const orphans = entries('cause IS NULL AND actor NOT LIKE ?', 'user:%').map((e) => `${e.seq} ${e.actor} ${e.type} ${e.kind}/${e.name}`);
      expect(orphans).toEqual([]);
    });

    it('--rev N alone starts from entry N', async () => {
      const scale = entries("type = 'ReplicationControllerScaled'")[0]!;
      expect(lines(await k().ok(['why', '--rev', String(scale.seq)]))).toEqual([expect.stringMatching(new RegExp(`^  ${scale.seq}\\s.*user:alice\\s+ReplicationControllerScaled\\s`))]);
    });
  });

  describe('diff', () => {
    it('between the revisions around `delete pod` lists the deleted pod and its replacement', async () => {
      const replacement = entries("type = 'PodCreated' AND seq > ? AND seq <= ?", beforeDelete, afterDelete)[0]!;
      const out = lines(await k().ok(['diff', '--from', `rev:${beforeDelete}`, '--to', `rev:${afterDelete}`, 'pods']));
      expect(out[0]).toMatch(new RegExp(`^from revision ${beforeDelete} \\(.+Z\\) to revision ${afterDelete} \\(.+Z\\)$`));
      expect(out.filter((l) => !l.startsWith(' ')).slice(1).sort()).toEqual(
        [`created  pod/default/${replacement.name}`, `deleted  pod/default/${firstPod}`].sort(),
      );
    });

    it('shows changed objects with their fields, and leaves Events out unless --include-events', async () => {
      const head = k().head();
      const out = lines(await k().ok(['diff', '--from', `rev:${beforeScale}`, '--to', `rev:${head}`]));
      expect(out).toContain('deleted  replicationcontroller/default/nginx');
      expect(out).toContain('created  replicationcontroller/default/webserver-rc');
      expect(out.some((l) => l.includes(' event/'))).toBe(false);
      const withEvents = lines(await k().ok(['diff', '--from', `rev:${beforeScale}`, '--include-events']));
      expect(withEvents.some((l) => /^created {2}event\/default\//.test(l))).toBe(true);
    });

    it('an RC changed between two moments shows spec.replicas: 1 → 3', async () => {
      const scale = entries("type = 'ReplicationControllerScaled'")[0]!;
      const out = lines(await k().ok(['diff', '--from', `rev:${scale.seq - 1}`, '--to', `rev:${scale.seq}`]));
      expect(out.slice(1)).toEqual(['changed  replicationcontroller/default/nginx', '      metadata.generation: 1 → 2', '      spec.replicas: 1 → 3']);
    });
  });

  describe('bad input: one line on stderr in kubectl style, nothing on stdout, exit 1', () => {
    const cases: [string, string[], RegExp][] = [
      ['a time that is not one', ['audit', '--since', 'yesterday'], /^error: invalid time "yesterday": use RFC 3339/],
      ['a revision past the head', ['audit', '--since', 'rev:100000'], /^error: revision 100000 does not exist: the log holds revisions 1 to \d+$/],
      ['an unknown kind', ['audit', 'widgets'], /^error: the server doesn't have a resource type "widgets"$/],
      ['an unknown entry type', ['audit', '--type', 'PodExploded'], /^error: unknown entry type "PodExploded": use one of /],
      ['an output format audit does not print', ['audit', '-o', 'wide'], /^error: output format "wide" not recognized; use one of json, yaml$/],
      ['history without a name', ['history', 'pods'], /^error: you must specify the name of the object: history KIND\/NAME$/],
      ['why without an object or a revision', ['why'], /^error: you must specify an object \(why KIND\/NAME\) or a revision \(why --rev N\)$/],
      ['why of a missing pod', ['why', 'pod/nope'], /^Error from server: pods "nope" not found$/],
      ['why --rev that is not a number', ['why', '--rev', 'x'], /^error: invalid revision "x"/],
      ['diff without --from', ['diff'], /^error: Missing required argument: from$/],
      ['diff from a revision that does not exist', ['diff', '--from', 'rev:0'], /^error: revision 0 does not exist/],
      ['diff backwards', ['diff', '--from', 'rev:5', '--to', 'rev:3'], /^error: --from \(revision 5\) is after --to \(revision 3\)$/],
      ['diff from the future', ['diff', '--from', '2999-01-01T00:00:00Z'], /^error: 2999-01-01T00:00:00Z is in the cluster's future/],
    ];
    for (const [what, args, message] of cases) {
      it(what, async () => {
        const result = await k().run(args);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)).toEqual([expect.stringMatching(message)]);
      });
    }
  });
});
