// The measure cache (src/cli/measure-cache.ts): a repeated `plan status`, `plan attainment` or
// `plan report` gives what a run without any cache gives, byte for byte, and a change to anything
// the result stands on misses. Whether a run hit or missed is seen from outside: a miss writes a
// new entry (a new file renamed into place), a hit leaves the entry file as it was.
//
// Run from source, `plan` has no build id and caches nothing; each test gives it one.

import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, runMain, type RunResult } from '../helpers/cli.js';

let work: string;
let cache: string;

beforeEach(() => {
  vi.stubGlobal('__PLAN_BUILD__', 'test-build-1');
  work = mkdtempSync(join(tmpdir(), 'plan-measure-cache-'));
  cache = join(work, 'cache');
  cpSync(join(ROOT, 'plans'), join(work, 'plans'), { recursive: true });
  cpSync(join(ROOT, 'data/sample'), join(work, 'data/sample'), { recursive: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
  rmSync(work, { recursive: true, force: true });
});

const AS_OF = ['--as-of', '2024-12-31'];

function cached(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return runMain(args, { cwd: work, env: { PLAN_CACHE: '1', PLAN_CACHE_DIR: cache, ...env } });
}

/** The same run with every cache off: what a cached run must give. */
function fresh(args: string[]): Promise<RunResult> {
  return runMain(args, { cwd: work, env: { PLAN_CACHE: '0' } });
}

function entries(): string[] {
  try {
    return readdirSync(cache).filter((f) => f.startsWith('measure-'));
  } catch {
    return [];
  }
}

/** The measure entry of the one command run so far: its path and identity (a rewrite is a new inode). */
function entry(): { path: string; id: string } {
  const found = entries().filter((f) => f.endsWith('.bin'));
  expect(found).toHaveLength(1);
  const path = join(cache, found[0]!);
  const st = statSync(path);
  return { path, id: `${st.ino}:${st.mtimeMs}:${st.size}` };
}

function same(a: RunResult, b: RunResult): void {
  expect({ code: a.code, stdout: a.stdout, stderr: a.stderr }).toEqual({ code: b.code, stdout: b.stdout, stderr: b.stderr });
}

/** Runs `first`, then `second`; the second must miss (the entry rewritten) and give the uncached answer. */
async function misses(first: string[], second: string[], between: () => void = () => {}, env2: Record<string, string> = {}): Promise<RunResult> {
  same(await cached(first), await fresh(first));
  const before = entry().id;
  between();
  const r = await cached(second, env2);
  same(r, await fresh(second));
  expect(entry().id).not.toBe(before);
  return r;
}

function editFile(rel: string, edit: (text: string) => string): void {
  const p = join(work, rel);
  const text = readFileSync(p, 'utf8');
  const next = edit(text);
  expect(next).not.toBe(text);
  writeFileSync(p, next);
}

describe('the measure cache: hits', () => {
  it.each([
    ['status', ['status', ...AS_OF]],
    ['status as JSON', ['status', ...AS_OF, '--format', 'json']],
    ['attainment', ['attainment', ...AS_OF, '--format', 'json']],
    ['attainment by unit', ['attainment', ...AS_OF, '--by', 'unit']],
    ['report', ['report', ...AS_OF, '--format', 'md']],
  ])('%s: the second run hits and gives what an uncached run gives', async (_name, args) => {
    const uncached = await fresh(args);
    expect(uncached.code).toBe(0);
    same(await cached(args), uncached);
    const first = entry().id;
    same(await cached(args), uncached);
    same(await cached(args), uncached);
    expect(entry().id).toBe(first);
  });

  it('a hit for one format serves another (the format is not part of what is measured)', async () => {
    await cached(['attainment', ...AS_OF]);
    const first = entry().id;
    same(await cached(['attainment', ...AS_OF, '--format', 'json']), await fresh(['attainment', ...AS_OF, '--format', 'json']));
    expect(entry().id).toBe(first);
  });

  it('data findings come back from the cache as they were first written', async () => {
    // A bad row: a birth year that is not a number.
    editFile('data/sample/staff.csv', (t) => t.replace(/^(NV0000002,van-phong,cong-chuc,pho-thu-truong,true,)1962/m, '$1abcd'));
    const args = ['attainment', ...AS_OF, '--format', 'json'];
    const uncached = await fresh(args);
    expect(uncached.stderr).toMatch(/staff\.csv/);
    same(await cached(args), uncached);
    const first = entry().id;
    same(await cached(args), uncached);
    expect(entry().id).toBe(first);
  });
});

describe('the measure cache: every kind of miss', () => {
  const args = ['attainment', ...AS_OF, '--format', 'json'];

  it('one changed byte in the staff file', async () => {
    // One digit of one birth year.
    await misses(args, args, () => editFile('data/sample/staff.csv', (t) => t.replace(/^(NV0000001,van-phong,cong-chuc,thu-truong,true,198)7/m, '$16')));
  });

  it('one changed byte in the trainings file', async () => {
    await misses(args, args, () => {
      const p = join(work, 'data/sample/trainings.csv');
      const b = readFileSync(p);
      const at = b.lastIndexOf(Buffer.from('2024-'));
      expect(at).toBeGreaterThan(0);
      b[at + 3] = '3'.charCodeAt(0);
      writeFileSync(p, b);
    });
  });

  it('a byte appended to a totals file', async () => {
    await misses(args, args, () => appendFileSync(join(work, 'data/sample/coverage.csv'), '\n'));
  });

  it('half the staff gone changes the figures, and the cache follows', async () => {
    const before = await cached(args);
    const r = await misses(args, args, () => editFile('data/sample/staff.csv', (t) => t.split('\n').filter((_l, i) => i % 2 === 0).join('\n')));
    expect(r.stdout).not.toBe(before.stdout);
  });

  it('a data file removed, then put back', async () => {
    const p = join(work, 'data/sample/coverage.csv');
    const bytes = readFileSync(p);
    const gone = await misses(args, args, () => rmSync(p));
    expect(gone.stderr).toMatch(/coverage\.csv/);
    const before = entry().id;
    writeFileSync(p, bytes);
    same(await cached(args), await fresh(args));
    expect(entry().id).not.toBe(before);
  });

  it('a changed plan file', async () => {
    await misses(args, args, () => editFile('plans/qd-185-bhxh-2025.yaml', (t) => t + '\n# a comment\n'));
  });

  it('a changed dataset definition', async () => {
    await misses(args, args, () => editFile('plans/datasets.yaml', (t) => t.replace('aliases: [Đơn vị, Mã đơn vị,', 'aliases: [Đơn vị, Mã đơn vị, Đơn vị quản lý,')));
  });

  it('a new build', async () => {
    await misses(args, args, () => vi.stubGlobal('__PLAN_BUILD__', 'test-build-2'));
  });

  it.each([
    ['the as-of day', ['attainment', '--as-of', '2025-06-30', '--format', 'json']],
    ['--year', [...args, '--year', '2023']],
    ['--by', [...args, '--by', 'unit']],
    ['--min-cell', [...args, '--by', 'unit', '--min-cell', '3']],
    ['--strict', [...args, '--strict']],
    ['--encoding', [...args, '--encoding', 'windows-1258']],
    ['--decision', [...args, '--decision', '185/QĐ-BHXH']],
    ['--target', [...args, '--target', 'muc-tieu-1']],
    ['--staff', [...args, '--staff', 'data/sample/staff.csv']],
  ])('%s', async (_name, second) => {
    if (second.includes('--target')) {
      // A target id that exists in the bundled plans.
      const json = JSON.parse((await fresh(args)).stdout) as { targets: { id: string }[] };
      second = [...args, '--target', json.targets[0]!.id];
    }
    await misses(args, second);
  });

  it('the as-of day through PLAN_AS_OF', async () => {
    const noDay = ['attainment', '--format', 'json'];
    same(await cached(noDay, { PLAN_AS_OF: '2024-12-31' }), await runMain(noDay, { cwd: work, env: { PLAN_AS_OF: '2024-12-31' } }));
    const before = entry().id;
    const r = await cached(noDay, { PLAN_AS_OF: '2025-12-31' });
    same(r, await runMain(noDay, { cwd: work, env: { PLAN_AS_OF: '2025-12-31' } }));
    expect(entry().id).not.toBe(before);
  });

  it('--strict after a run without it, on data with a bad row, stops as an uncached run does', async () => {
    editFile('data/sample/staff.csv', (t) => t.replace(/^(NV0000002,van-phong,cong-chuc,pho-thu-truong,true,)1962/m, '$1abcd'));
    const r = await misses(args, [...args, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict/);
  });

  it('status: --decision and the data of one file', async () => {
    const s = ['status', ...AS_OF, '--format', 'json'];
    await misses(s, [...s, '--decision', '456/QĐ-BHXH']);
    await misses(s, s, () => editFile('data/sample/staff.csv', (t) => t.replace(/^(NV0000001,van-phong,cong-chuc,thu-truong,true,198)7/m, '$16')));
  });
});

describe('the measure cache: damaged entries, concurrent writers, turned off', () => {
  const args = ['status', ...AS_OF, '--format', 'json'];

  it.each([
    ['garbage', (p: string) => writeFileSync(p, 'not a cache entry')],
    ['empty', (p: string) => writeFileSync(p, '')],
    ['truncated', (p: string) => truncateSync(p, Math.floor(statSync(p).size / 2))],
    ['cut by one byte', (p: string) => truncateSync(p, statSync(p).size - 1)],
    ['valid JSON, not an entry', (p: string) => writeFileSync(p, '{"key":"x"}')],
  ])('a %s entry reads as a miss and is replaced', async (_name, damage) => {
    const uncached = await fresh(args);
    same(await cached(args), uncached);
    damage(entry().path);
    const damaged = entry().id;
    same(await cached(args), uncached);
    const rewritten = entry().id;
    expect(rewritten).not.toBe(damaged);
    same(await cached(args), uncached);
    expect(entry().id).toBe(rewritten);
  });

  it('runs started together in one process all answer right and leave one whole entry', async () => {
    const uncached = await fresh(args);
    const runs = await Promise.all([cached(args), cached(args), cached(args), cached(args)]);
    for (const r of runs) same(r, uncached);
    expect(entries().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const first = entry().id;
    same(await cached(args), uncached);
    expect(entry().id).toBe(first);
  });

  it('concurrent processes (the built plan) all answer right and leave one whole entry', async () => {
    const env = { PATH: process.env['PATH'], HOME: process.env['HOME'], NO_COLOR: '1', PLAN_CACHE_DIR: cache };
    const one = () =>
      new Promise<{ code: number | null; stdout: string }>((done) => {
        const c = spawn(process.execPath, [BIN, ...args], { cwd: work, env });
        let stdout = '';
        c.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
        c.on('close', (code) => done({ code, stdout }));
      });
    const uncached = await fresh(args);
    const runs = await Promise.all([one(), one(), one(), one()]);
    for (const r of runs) expect(r).toEqual({ code: 0, stdout: uncached.stdout });
    expect(entries().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(entries().filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const again = await one();
    expect(again).toEqual({ code: 0, stdout: uncached.stdout });
  });

  it('PLAN_CACHE=0 writes no cache at all', async () => {
    same(await runMain(args, { cwd: work, env: { PLAN_CACHE: '0', PLAN_CACHE_DIR: cache } }), await fresh(args));
    expect(() => readdirSync(cache)).toThrow();
  });

  it('plan validate uses no cache', async () => {
    const r = await cached(['validate']);
    expect(r.code).toBe(0);
    expect(() => readdirSync(cache)).toThrow();
  });

  it('without a build id (running from source) nothing is cached', async () => {
    vi.unstubAllGlobals();
    same(await cached(args), await fresh(args));
    expect(entries()).toEqual([]);
  });
});
