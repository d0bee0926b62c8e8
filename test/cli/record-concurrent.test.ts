// Issue 9, defects 6, 7 and 11: recorders running at once all land (they queue on a lock beside the
// plan file), a lock or temporary file left by a killed run is cleaned up and reported, a read-only
// plan file is refused, and `plan schema --out` cannot be turned into a write elsewhere by a symlink.
// The files are read back with the yaml library, not with the splice code that wrote them.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runMain, type RunResult } from '../helpers/cli.js';
import { tempPlans, type TempPlans } from '../helpers/temp-plans.js';

let temp: TempPlans | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

const FILE = 'plans/qd-88-bhxh-2024.yaml';
const LOCK = 'plans/.qd-88-bhxh-2024.yaml.lock';

function binAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env['PATH'], HOME: process.env['HOME'], PLAN_CACHE: '0', NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

interface Task {
  id: string;
  status?: { state: string; notes?: { on: string; note: string }[] };
}

function task88(dir: string, id: string): Task {
  const doc = parse(readFileSync(join(dir, FILE), 'utf8')) as { appendices: { groups: { tasks: Task[] }[] }[] };
  return doc.appendices.flatMap((a) => a.groups.flatMap((g) => g.tasks)).find((t) => t.id === id)!;
}

/** The process id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('concurrent recorders', () => {
  it('eight processes adding a note to one task at once: all succeed, all eight notes are there', async () => {
    temp = tempPlans('plans');
    const days = Array.from({ length: 8 }, (_, i) => `2024-03-${String(i + 10).padStart(2, '0')}`);
    const results = await Promise.all(days.map((day, i) => binAsync(['progress', '88', '1.1', '--note', `Ghi chú ${i}`, '--on', day], temp!.dir)));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    const notes = task88(temp.dir, '1.1').status!.notes!;
    expect(notes.map((n) => n.note).sort()).toEqual(days.map((_, i) => `Ghi chú ${i}`));
    expect(existsSync(join(temp.dir, LOCK))).toBe(false);
    expect(readdirSync(join(temp.dir, 'plans')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await runMain(['validate'], { cwd: temp.dir })).code).toBe(0);
  });

  it('a lock held by a running process: the recorder waits its time, then fails cleanly and writes nothing', async () => {
    temp = tempPlans('plans');
    const before = readFileSync(join(temp.dir, FILE));
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(temp.dir, LOCK), `${holder.pid}\n`);
      const r = await runMain(['done', '88', '1.1', '--on', '2024-03-01'], { cwd: temp.dir, env: { PLAN_LOCK_WAIT_MS: '200' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`plan: ${join(temp.dir, FILE)} is being edited by another plan command (process ${holder.pid}, lock .qd-88-bhxh-2024.yaml.lock); nothing written, run the command again\n`);
      expect(readFileSync(join(temp.dir, FILE)).equals(before)).toBe(true);
      expect(readFileSync(join(temp.dir, LOCK), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill();
    }
  });

  it('a lock and a temporary file left by a killed run are removed, and the run says so', async () => {
    temp = tempPlans('plans');
    const pid = deadPid();
    const leftover = `.qd-88-bhxh-2024.yaml.${pid}.0badf00d.tmp`;
    writeFileSync(join(temp.dir, LOCK), `${pid}\n`);
    writeFileSync(join(temp.dir, 'plans', leftover), 'half a file');
    const r = await runMain(['done', '88', '1.1', '--on', '2024-03-01'], { cwd: temp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`plan: removed .qd-88-bhxh-2024.yaml.lock, left behind by an interrupted run\nplan: removed ${leftover}, left behind by an interrupted run\n`);
    expect(existsSync(join(temp.dir, 'plans', leftover))).toBe(false);
    expect(existsSync(join(temp.dir, LOCK))).toBe(false);
    expect(task88(temp.dir, '1.1').status).toEqual({ state: 'done', on: '2024-03-01' });
  });
});

describe('a read-only plan file', () => {
  it('is refused (exit 2) and stays as it was; --dry-run still shows the change', async () => {
    temp = tempPlans('plans');
    const file = join(temp.dir, FILE);
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const r = await runMain(['done', '88', '1.1', '--on', '2024-03-01'], { cwd: temp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan: ${file} is read-only; plan does not replace a file you cannot write (make it writable first: chmod u+w); nothing changed\n`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(lstatSync(file).mode & 0o777).toBe(0o444);
    const dry = await runMain(['done', '88', '1.1', '--on', '2024-03-01', '--dry-run'], { cwd: temp.dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+              state: done');
  });
});

describe('plan schema --out', () => {
  it('a symlink planted at the old temporary name does not redirect the write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-schema-'));
    try {
      const out = join(dir, 'schema');
      mkdirSync(out);
      const outside = join(dir, 'outside.txt');
      writeFileSync(outside, 'keep me');
      symlinkSync(outside, join(out, 'decision.schema.json.tmp'));
      const r = await runMain(['schema', '--out', out], { cwd: dir });
      expect(r.code).toBe(0);
      expect(readFileSync(outside, 'utf8')).toBe('keep me');
      const schema = JSON.parse(readFileSync(join(out, 'decision.schema.json'), 'utf8')) as { $schema?: string };
      expect(typeof schema.$schema).toBe('string');
      expect(lstatSync(join(out, 'decision.schema.json')).isFile()).toBe(true);
      expect(readdirSync(out).filter((n) => n.endsWith('.tmp') && n !== 'decision.schema.json.tmp')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
