/**
 * `npm run -s match -- --pairs FILE` as a process: one JSON line per pair in input order, the exact shape,
 * tolerant of odd records, and a clear error with a non-zero exit on a bad line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const fixture = join(root, 'tests/fixtures/matching/cli-pairs.jsonl');

const run = (...args: string[]) => spawnSync(tsx, ['scripts/match-pairs.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('match CLI', () => {
  it('prints one {id, score, match} line per pair, in input order', () => {
    const r = run('--pairs', fixture);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const inputLines = readFileSync(fixture, 'utf8').split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(inputLines.length);
    const out = lines.map((l) => JSON.parse(l) as { id: string; score: number; match: boolean });
    // ids as given; the line number where absent (line 4); the JSON text of a number id.
    expect(out.map((o) => o.id)).toEqual(['zh-same', 'zh-variant', 'ag-like', '4', '7', 'empty']);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['id', 'score', 'match']);
      expect(typeof o.score).toBe('number');
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(1);
      expect(typeof o.match).toBe('boolean');
    }
    const byId = Object.fromEntries(out.map((o) => [o.id, o]));
    expect(byId['zh-same']!.match).toBe(true);
    expect(byId['zh-variant']!.match).toBe(false);
    expect(byId['ag-like']!.match).toBe(true);
    expect(byId['4']!.match).toBe(true);
    expect(byId['empty']!.match).toBe(false);
  });

  it('gives the same scores whichever configuration is forced, for the same input', () => {
    const a = run('--pairs', fixture, '--model', 'walmart-amazon');
    const b = run('--pairs', fixture, '--model', 'walmart-amazon');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('stops at a bad line with an error naming it and exit status 1, after printing the pairs before it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'match-cli-'));
    const file = join(dir, 'bad.jsonl');
    const good = readFileSync(fixture, 'utf8').split('\n').filter((l) => l.trim()).slice(0, 2);
    writeFileSync(file, [...good, '{"id": "x", "left": {"title": "a"}', good[0]].join('\n'));
    const r = run('--pairs', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:3:`);
    expect(r.stderr).toContain('not valid JSON');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);

    writeFileSync(file, '{"id": "x", "left": {"title": "a"}, "right": "b"}\n');
    const notObject = run('--pairs', file);
    expect(notObject.status).toBe(1);
    expect(notObject.stderr).toContain(':1: "right" must be an object');
  });

  it('exits 2 with usage when --pairs is missing or the model is unknown', () => {
    expect(run().status).toBe(2);
    const r = run('--pairs', fixture, '--model', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage');
  });

  it('says so when the file does not exist', () => {
    const r = run('--pairs', join(root, 'tests/fixtures/matching/none.jsonl'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no such file');
  });
});
