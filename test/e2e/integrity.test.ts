// `verify` and `fork` through the built CLI. One short session is made once
// and copied for every case, since each tampering spoils its copy.

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDataDir } from '../../src/integrity/sqlite-source.js';
import { Cluster, lines } from './cli.js';

const COLUMNS = ['seq', 'time', 'actor', 'type', 'kind', 'namespace', 'name', 'uid', 'cause', 'data', 'hash'] as const;
type Column = (typeof COLUMNS)[number];
type Value = string | number | null;

const VERIFIED = /^verified (\d+) entries \(revisions 1 to \1\): hash chain intact, projections match the log\n$/;
const HASH_MISMATCH = 'hash mismatch (row edited, or chain broken before it)';

/** Runs `edit` on a writable handle to a copy's log, with the append-only triggers dropped as a tamperer would. */
function tamper(k: Cluster, edit: (db: Database.Database) => void): void {
  const db = new Database(k.dbFile);
  try {
    db.exec('DROP TRIGGER IF EXISTS log_no_update; DROP TRIGGER IF EXISTS log_no_delete');
    edit(db);
  } finally {
    db.close();
  }
}

/** The smallest edit of one column of one row: one character flipped, or an integer moved by one. */
function changed(column: Column, value: Value, head: number): Value {
  // seq is the primary key and seq + 1 is taken (but by the last row), so a renumbered row moves past the head.
  if (column === 'seq') return (value as number) + head;
  if (typeof value === 'number') return value + 1;
  if (value === null) return 0;
  if (value === '') return 'x';
  const at = Math.floor(value.length / 2);
  return value.slice(0, at) + String.fromCharCode(value.charCodeAt(at) ^ 1) + value.slice(at + 1);
}

/**
 * What verify says when `column` of revision `seq` changed. A renumbered row
 * leaves its revision empty, and the walk next meets revision seq + 1 (or,
 * for the last row, the row itself at its new number); any other change makes
 * the row hash to something other than its stored hash.
 */
function expectedFailure(column: Column, seq: number, head: number): string {
  if (column !== 'seq') return `revision ${seq}: ${HASH_MISMATCH}`;
  const next = seq === head ? seq + head : seq + 1;
  const what = seq === 1 ? `the log starts at revision ${next}` : `the log jumps from revision ${seq - 1} to ${next}`;
  return `revision ${seq}: missing: ${what} (rows deleted, or a seq edited)`;
}

function valueOf(db: Database.Database, column: Column, seq: number): Value {
  return (db.prepare(`SELECT ${column} AS v FROM log WHERE seq = ?`).get(seq) as { v: Value }).v;
}

/** Every column of the log's rows up to a revision, as SQL literals: equal only if byte-identical, storage class included. */
function literalRows(k: Cluster, upTo: number): string[] {
  const columns = COLUMNS.map((c) => `quote(${c})`).join(" || '|' || ");
  return k.query((db) => (db.prepare(`SELECT ${columns} AS row FROM log WHERE seq <= ? ORDER BY seq`).all(upTo) as { row: string }[]).map((r) => r.row));
}

const template = new Cluster();
let head = 0;
let afterRun = 0;

beforeAll(async () => {
  await template.ok(['run', 'nginx', '--image=nginx']);
  afterRun = template.head();
  const [first] = lines(await template.ok(['get', 'pods', '-o', 'name']));
  await template.ok(['delete', first!]);
  await template.ok(['scale', '--replicas=3', 'rc', 'nginx']);
  head = template.head();
});

afterAll(() => template.dispose());

describe('verify', () => {
  it('given a session of run, delete pod and scale, when verified, then the chain and projections hold', async () => {
    const stdout = await template.ok(['verify']);
    expect(stdout).toMatch(VERIFIED);
    expect(stdout).toContain(`verified ${head} entries`);
    expect(head).toBeGreaterThan(30);
  });

  // The CLI end to end on the first, a middle and the last row; the next test covers every row through the library.
  const ROWS = { first: () => 1, middle: () => Math.ceil(head / 2), last: () => head };
  it.concurrent.for(COLUMNS.flatMap((column) => (['first', 'middle', 'last'] as const).map((row) => [column, row] as const)))(
    'given the %s of the %s row changed, when verified, then it fails naming that revision',
    async ([column, row]) => {
      const seq = ROWS[row]();
      const k = template.copy();
      try {
        tamper(k, (db) => db.prepare(`UPDATE log SET ${column} = ? WHERE seq = ?`).run(changed(column, valueOf(db, column, seq), head), seq));
        const result = await k.run(['verify']);
        expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
          code: 1,
          stdout: `${expectedFailure(column, seq, head)}\n`,
          stderr: '',
        });
      } finally {
        k.dispose();
      }
    },
  );

  it('given every column of every row changed in turn and restored, then each change is named at its revision', async () => {
    const k = template.copy();
    try {
      const db = new Database(k.dbFile);
      try {
        db.exec('DROP TRIGGER log_no_update; DROP TRIGGER log_no_delete');
        for (const column of COLUMNS) {
          const set = db.prepare(`UPDATE log SET ${column} = ? WHERE seq = ?`);
          for (let seq = 1; seq <= head; seq++) {
            const original = valueOf(db, column, seq);
            const value = changed(column, original, head);
            set.run(value, seq);
            const report = await verifyDataDir(k.dir);
            set.run(original, column === 'seq' ? value : seq);
            expect(report.failures.map((f) => `revision ${f.revision}: ${f.what}`), `${column} of ${seq}`).toEqual([expectedFailure(column, seq, head)]);
          }
        }
      } finally {
        db.close();
      }
      expect(await k.ok(['verify'])).toMatch(VERIFIED);
    } finally {
      k.dispose();
    }
  });

  it('given a row deleted, when verified, then it names the gap', async () => {
    const k = template.copy();
    try {
      const gone = Math.ceil(head / 2);
      tamper(k, (db) => db.prepare('DELETE FROM log WHERE seq = ?').run(gone));
      const result = await k.run(['verify']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(`revision ${gone}: missing: the log jumps from revision ${gone - 1} to ${gone + 1} (rows deleted, or a seq edited)\n`);
    } finally {
      k.dispose();
    }
  });

  it('given an object\'s body edited in the projection table, when verified, then it names the object at its revision', async () => {
    const k = template.copy();
    try {
      const rc = k.query((db) => db.prepare("SELECT resource_version AS rv FROM objects WHERE kind = 'ReplicationController' AND name = 'nginx'").get() as { rv: number });
      tamper(k, (db) => db.prepare("UPDATE objects SET body = replace(body, '\"replicas\":3', '\"replicas\":4') WHERE kind = 'ReplicationController'").run());
      const result = await k.run(['verify']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(`revision ${rc.rv}: replicationcontroller/default/nginx: body differs from the fold of the log\n`);
    } finally {
      k.dispose();
    }
  });

  it('given a directory without a cluster, when verified, then it says so and makes none', async () => {
    const k = new Cluster();
    try {
      const result = await k.run(['verify']);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([`error: no cluster in ${k.dir}: ${k.dbFile} does not exist`]);
      expect(readdirSync(k.dir)).toEqual([]);
    } finally {
      k.dispose();
    }
  });
});

describe('fork', () => {
  it('given a fork at the revision after run, when the fork scales to 5, then the original is untouched and both verify', async () => {
    const original = template.copy();
    const fork = new Cluster(path.join(new Cluster().dir, 'fork'));
    try {
      const podsBefore = await original.ok(['get', 'pods', '-o', 'json']);
      const logBefore = literalRows(original, head);
      const at = original.query((db) => db.prepare('SELECT time FROM log WHERE seq = ?').get(afterRun) as { time: number });

      const stdout = await original.ok(['fork', '--at', `rev:${afterRun}`, fork.dir]);
      expect(stdout).toBe(`forked ${fork.dir} at revision ${afterRun} (${new Date(at.time).toISOString().replace(/\.000Z$/, 'Z')}): ${afterRun} entries\n`);
      expect(literalRows(fork, afterRun)).toEqual(literalRows(original, afterRun));
      expect(await fork.ok(['verify'])).toBe(`verified ${afterRun} entries (revisions 1 to ${afterRun}): hash chain intact, projections match the log\n`);
      expect(lines(await fork.ok(['get', 'pods', '-o', 'name']))).toHaveLength(1);

      expect(await fork.ok(['scale', '--replicas=5', 'rc', 'nginx'])).toBe('replicationcontroller "nginx" scaled\n');
      const forkPods = JSON.parse(await fork.ok(['get', 'pods', '-o', 'json'])) as { items: { status: { phase: string } }[] };
      expect(forkPods.items.map((p) => p.status.phase)).toEqual(Array(5).fill('Running'));
      expect(literalRows(fork, afterRun)).toEqual(literalRows(original, afterRun));
      expect(fork.query((db) => db.prepare('SELECT min(seq) AS s FROM log WHERE seq > ?').get(afterRun) as { s: number }).s).toBe(afterRun + 1);
      expect(await fork.ok(['verify'])).toMatch(VERIFIED);

      expect(await original.ok(['get', 'pods', '-o', 'json'])).toBe(podsBefore);
      expect(literalRows(original, Number.MAX_SAFE_INTEGER)).toEqual(logBefore);
      expect(await original.ok(['verify'])).toBe(`verified ${head} entries (revisions 1 to ${head}): hash chain intact, projections match the log\n`);
    } finally {
      original.dispose();
      fork.dispose();
      new Cluster(path.dirname(fork.dir)).dispose();
    }
  });

  it('given a virtual clock, when forked a duration back, then the duration counts back from the cluster\'s clock, not this machine\'s', async () => {
    const k = new Cluster();
    const fork = new Cluster();
    try {
      await k.ok(['init', '--clock', 'virtual', '--start', '2015-12-09T10:34:18Z']);
      await k.ok(['run', 'nginx', '--image=nginx']);
      expect(await k.ok(['clock', 'advance', '1m'])).toBe('2015-12-09T10:35:18Z\n');
      const expected = k.query(
        (db) => db.prepare('SELECT max(seq) AS seq FROM log WHERE time <= ?').get(Date.parse('2015-12-09T10:34:23Z')) as { seq: number },
      );
      expect(expected.seq).toBeLessThan(k.head());
      const stdout = await k.ok(['fork', '--at=-55s', fork.dir]);
      expect(stdout).toMatch(new RegExp(`^forked \\S+ at revision ${expected.seq} \\(2015-12-09T10:34:18Z\\): ${expected.seq} entries\\n$`));
      expect(await fork.ok(['clock'])).toBe('2015-12-09T10:34:18Z\n');
    } finally {
      k.dispose();
      fork.dispose();
    }
  });

  it('given a target that holds a file, when forked, then it refuses and leaves the target alone', async () => {
    const k = new Cluster();
    try {
      writeFileSync(path.join(k.dir, 'notes.txt'), 'mine');
      const result = await template.run(['fork', '--at', 'rev:1', k.dir]);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([`error: ${k.dir} is not empty: fork makes a new data directory, give it a new or empty one`]);
      expect(readdirSync(k.dir)).toEqual(['notes.txt']);
    } finally {
      k.dispose();
    }
  });

  it('given an empty target directory, when forked, then the fork is made in it', async () => {
    const k = new Cluster();
    try {
      expect(await template.ok(['fork', '--at', 'rev:3', k.dir])).toMatch(/^forked .* at revision 3 \(.*\): 3 entries\n$/);
      expect(await k.ok(['verify'])).toBe('verified 3 entries (revisions 1 to 3): hash chain intact, projections match the log\n');
    } finally {
      k.dispose();
    }
  });

  it('given a revision past the head, when forked, then it refuses and makes no directory', async () => {
    const parent = new Cluster();
    try {
      const target = path.join(parent.dir, 'fork');
      const result = await template.run(['fork', '--at', `rev:${head + 1}`, target]);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([`error: revision ${head + 1} does not exist: the log holds revisions 1 to ${head}`]);
      expect(existsSync(target)).toBe(false);
    } finally {
      parent.dispose();
    }
  });

  it('given a tampered log, when forked past the tampering, then it refuses and keeps nothing', async () => {
    const k = template.copy();
    const parent = new Cluster();
    try {
      tamper(k, (db) => db.prepare("UPDATE log SET actor = 'user:mallory' WHERE seq = 2").run());
      const target = path.join(parent.dir, 'fork');
      mkdirSync(target);
      const result = await k.run(['fork', '--at', 'rev:5', target]);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([`error: the log does not verify, so nothing was forked: revision 2: ${HASH_MISMATCH}`]);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      k.dispose();
      parent.dispose();
    }
  });
});
