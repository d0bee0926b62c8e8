// Replayed output (src/cli/replay.ts), end to end through the built bin/plan.js: `plan status` and
// `plan tasks` run again with nothing changed print what they printed, byte for byte; any change
// to what they read runs them again. A replay leaves its entry file as it was; a run writes a new one.

import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

let work: string;
let cache: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'plan-replay-'));
  cache = join(work, 'cache');
  cpSync(join(ROOT, 'plans'), join(work, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'data/sample'), join(work, 'data/sample'), { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function plan(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NO_COLOR: '1', PLAN_CACHE_DIR: cache, PLAN_AS_OF: '2024-12-31', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const uncached = (args: string[], env: Record<string, string> = {}) => plan(args, { ...env, PLAN_CACHE: '0' });

/** The replay entry of the one command line run so far, and its identity (a rewrite is a new inode). */
function entry(): { path: string; id: string } {
  const found = readdirSync(cache).filter((f) => f.startsWith('replay-') && f.endsWith('.bin'));
  expect(found).toHaveLength(1);
  const path = join(cache, found[0]!);
  const st = statSync(path);
  return { path, id: `${st.ino}:${st.mtimeMs}:${st.size}` };
}

describe('replayed output', () => {
  it.each([
    ['status', ['status']],
    ['status as JSON', ['status', '--format', 'json']],
    ['tasks', ['tasks']],
    ['tasks of a unit', ['tasks', '--unit', 'tt-cntt']],
  ])('%s: a second run replays what a run without any cache prints', (_name, args) => {
    const fresh = uncached(args);
    expect(fresh.code).toBe(0);
    expect(plan(args)).toEqual(fresh);
    const first = entry().id;
    expect(plan(args)).toEqual(fresh);
    expect(entry().id).toBe(first);
  });

  it.each([
    ['a changed plan file', () => appendFileSync(join(work, 'plans/qd-185-bhxh-2025.yaml'), '\n# a comment\n')],
    [
      'a plan file added',
      () => {
        mkdirSync(join(work, 'plans/sub'));
        writeFileSync(join(work, 'plans/sub/more-leaders.yaml'), 'leaders:\n  - id: ptgd-moi\n    name: Nguyễn Văn Mới\n    title: Phó Tổng Giám đốc\n    display: PTGĐ Nguyễn Văn Mới\n');
      },
    ],
    ['a plan file removed', () => rmSync(join(work, 'plans/qd-146-ttg-2016.yaml'))],
    [
      'one changed byte of the staff file',
      () => {
        const p = join(work, 'data/sample/staff.csv');
        const b = readFileSync(p);
        const at = b.indexOf(Buffer.from(',1987,'));
        b[at + 4] = '6'.charCodeAt(0);
        writeFileSync(p, b);
      },
    ],
    ['a data file removed', () => rmSync(join(work, 'data/sample/coverage.csv'))],
  ])('status: %s runs it again', (_name, change) => {
    const args = ['status', '--format', 'json'];
    plan(args);
    const before = entry().id;
    change();
    const r = plan(args);
    expect(r).toEqual(uncached(args));
    expect(entry().id).not.toBe(before);
  });

  it('status: a data file that appears runs it again', () => {
    const p = join(work, 'data/sample/coverage.csv');
    const bytes = readFileSync(p);
    rmSync(p);
    const args = ['status', '--format', 'json'];
    plan(args);
    const before = entry().id;
    writeFileSync(p, bytes);
    expect(plan(args)).toEqual(uncached(args));
    expect(entry().id).not.toBe(before);
  });

  it.each([
    ['the day', { PLAN_AS_OF: '2025-06-30' }],
    ['colour forced', { FORCE_COLOR: '1', NO_COLOR: '' }],
    ['the width', { COLUMNS: '60' }],
    ['the language', { PLAN_LANG: 'en' }],
  ])('tasks: %s runs it again', (_name, env) => {
    plan(['tasks']);
    const before = entry().id;
    const r = plan(['tasks'], env);
    expect(r).toEqual(uncached(['tasks'], env));
    expect(entry().id).not.toBe(before);
  });

  it.each([
    ['garbage', (p: string) => writeFileSync(p, 'not an entry')],
    ['truncated', (p: string) => truncateSync(p, Math.floor(statSync(p).size / 2))],
  ])('a %s entry runs the command and is replaced', (_name, damage) => {
    const fresh = uncached(['tasks']);
    plan(['tasks']);
    damage(entry().path);
    const damaged = entry().id;
    expect(plan(['tasks'])).toEqual(fresh);
    expect(entry().id).not.toBe(damaged);
    expect(plan(['tasks'])).toEqual(fresh);
  });

  it('PLAN_CACHE=0 records nothing; plan validate and a failing run are never recorded', () => {
    uncached(['tasks']);
    expect(() => readdirSync(cache)).toThrow();
    expect(plan(['validate']).code).toBe(0);
    expect(plan(['tasks', '--unit', 'no-such-unit']).code).toBe(2);
    const files = (() => {
      try {
        return readdirSync(cache);
      } catch {
        return [];
      }
    })();
    expect(files.filter((f) => f.startsWith('replay-'))).toEqual([]);
  });
});
