// plan done / progress / occurred / cancel end to end, on temporary copies of the plans.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBin, type RunResult } from '../helpers/cli.js';
import { tempPlans, type TempPlans } from '../helpers/temp-plans.js';

let temp: TempPlans | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

function bundled(): TempPlans {
  temp = tempPlans('plans', { git: true });
  return temp;
}

function fixture(from = 'test/fixtures/status/plans'): TempPlans {
  temp = tempPlans(from, { git: true });
  return temp;
}

const run = (t: TempPlans, args: string[], env: Record<string, string | undefined> = {}): RunResult => runBin(args, { cwd: t.dir, env });

function tasksJson(t: TempPlans, args: string[]): { id: string; state: string; daysLate: number | null; due: { to: string } | null }[] {
  const r = run(t, ['tasks', ...args, '--format', 'json']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { tasks: never[] }).tasks;
}

describe('plan done on the bundled plans', () => {
  it('adds only the status lines inside task 4.1, and the task is then done', () => {
    const t = bundled();
    const file = 'plans/qd-88-bhxh-2024.yaml';
    const before = readFileSync(join(t.dir, file), 'utf8').split('\n');
    const r = run(t, ['done', '88/QĐ-BHXH', '4.1', '--on', '2024-01-25']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('88/QĐ-BHXH task 4.1 done on 2024-01-25 (plans/qd-88-bhxh-2024.yaml)\n');

    const diff = t.git('diff', '--no-color', '--unified=0');
    const hunks = diff.split('\n').filter((l) => l.startsWith('@@'));
    expect(hunks).toHaveLength(1);
    const changed = diff.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
    expect(changed).toEqual(['+            status:', '+              state: done', '+              on: 2024-01-25']);
    // The lines go inside task 4.1: after its first line and before task 4.2's.
    const at = Number(/^@@ -(\d+),0 \+\d+,3 @@/.exec(hunks[0]!)![1]);
    const start = before.findIndex((l) => l.trim() === '- id: "4.1"') + 1;
    const next = before.findIndex((l) => l.trim() === '- id: "4.2"') + 1;
    expect(at).toBeGreaterThan(start);
    expect(at).toBeLessThan(next);
    expect(t.git('diff', '--shortstat')).toMatch(/1 file changed, 3 insertions\(\+\)/);

    expect(tasksJson(t, ['--decision', '88', '--as-of', '2024-07-01']).find((x) => x.id === '4.1')!.state).toBe('done');
    const status = JSON.parse(run(t, ['status', '--decision', '88', '--as-of', '2024-07-01', '--format', 'json']).stdout) as { decisions: { counts: Record<string, number>; overdue: { id: string }[] }[] };
    expect(status.decisions[0]!.counts['done']).toBe(1);
    expect(status.decisions[0]!.overdue.map((x) => x.id)).not.toContain('4.1');
    expect(run(t, ['validate']).code).toBe(0);
  });

  it('the checked-plans cache sees the edit at once (it keys on the bytes)', () => {
    const t = bundled();
    const env = { PLAN_CACHE: undefined, PLAN_CACHE_DIR: join(t.dir, 'cache') };
    const done = () => (JSON.parse(run(t, ['status', '--decision', '88', '--as-of', '2024-07-01', '--format', 'json'], env).stdout) as { decisions: { counts: { done: number } }[] }).decisions[0]!.counts.done;
    expect(done()).toBe(0);
    // The checked plans' entry (beside it, the replayed output of this status: src/cli/replay.ts).
    expect(readdirSync(join(t.dir, 'cache')).filter((f) => f.endsWith('.json')).length).toBe(1);
    expect(run(t, ['done', '88/QĐ-BHXH', '4.1', '--on', '2024-01-25'], env).code).toBe(0);
    expect(done()).toBe(1);
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const t = bundled();
    const r = run(t, ['done', 'qd-88-bhxh-2024', '4.1', '--on', '2024-01-25', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/plans\/qd-88-bhxh-2024\.yaml\n\+\+\+ b\/plans\/qd-88-bhxh-2024\.yaml\n@@ -148,6 \+148,9 @@\n/);
    expect(r.stdout).toContain('\n+            status:\n+              state: done\n+              on: 2024-01-25\n');
    expect(t.git('status', '--porcelain')).toBe('');
  });

  it('recording the same again changes nothing', () => {
    const t = bundled();
    run(t, ['done', '88', '4.1', '--on', '2024-01-25']);
    t.git('commit', '-qam', 'done');
    const r = run(t, ['done', '88', '4.1', '--on', '2024-01-25']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('already recorded');
    expect(t.git('status', '--porcelain')).toBe('');
  });

  it('--on defaults to the as-of day', () => {
    const t = bundled();
    expect(run(t, ['done', '88', '4.1'], { PLAN_AS_OF: '2024-02-02' }).code).toBe(0);
    expect(readFileSync(join(t.dir, 'plans/qd-88-bhxh-2024.yaml'), 'utf8')).toContain('              on: 2024-02-02\n');
  });

  it('a day in the future is recorded with --force, with a note that earlier reports do not count it', () => {
    const t = bundled();
    const r = run(t, ['done', '88', '4.1', '--on', '2999-01-01', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2999-01-01 is in the future');
  });

  it('records a report of a duty for one period', () => {
    const t = bundled();
    const r = run(t, ['done', '1320/QĐ-BHXH', 'bao-cao-danh-gia-hang-nam', '--period', '2025', '--on', '2025-11-10']);
    expect(r.code).toBe(0);
    expect(t.git('diff', '--no-color', '--unified=0').split('\n').filter((l) => /^\+(?!\+\+)/.test(l))).toEqual(['+    submitted:', '+      - period: "2025"', '+        on: 2025-11-10']);
    const status = JSON.parse(run(t, ['status', '--decision', '1320', '--as-of', '2025-11-20', '--format', 'json']).stdout) as { decisions: { duties: { overdue: { period: string }[]; instances: { period: string; state: string }[] }[] }[] };
    const duty = status.decisions[0]!.duties[0]!;
    expect(duty.instances.find((i) => i.period === '2025')!.state).toBe('done');
    expect(duty.overdue.map((i) => i.period)).toEqual(['2021', '2022', '2023', '2024']);
  });

  it('records an event and the time allowed after it', () => {
    const t = bundled();
    const r = run(t, ['occurred', '88/QĐ-BHXH', '1.3', '--on', '2024-09-15', '--within', '3 Tháng']);
    expect(r.stdout).toContain('its event occurred on 2024-09-15, so it is due 2024-12-15 (3 tháng later)');
    expect(readFileSync(join(t.dir, 'plans/qd-88-bhxh-2024.yaml'), 'utf8')).toContain('            occurred: 2024-09-15\n            within: 3 tháng\n');
    expect(tasksJson(t, ['--decision', '88', '--as-of', '2024-12-20']).find((x) => x.id === '1.3')).toMatchObject({ state: 'overdue', daysLate: 5, due: { to: '2024-12-15' } });
  });

  it('records a progress note and a cancellation', () => {
    const t = bundled();
    expect(run(t, ['progress', '185/QĐ-BHXH', '1.1', '--note', 'Đã đăng 12 tin bài: "chuyển đổi số"', '--on', '2025-10-01']).code).toBe(0);
    expect(run(t, ['cancel', '88/QĐ-BHXH', '6.2', '--on', '2024-05-01', '--reason', 'Lùi sang năm 2025']).code).toBe(0);
    const status = JSON.parse(run(t, ['status', '--decision', '185', '--as-of', '2025-11-20', '--format', 'json']).stdout) as { decisions: { stale: { id: string }[] }[] };
    expect(status.decisions[0]!.stale.map((x) => x.id)).not.toContain('1.1');
    expect(tasksJson(t, ['--decision', '88', '--as-of', '2024-07-01']).find((x) => x.id === '6.2')!.state).toBe('cancelled');
    expect(run(t, ['validate']).code).toBe(0);
  });
});

describe('recording: usage errors (exit 2) leave the files alone', () => {
  it.each([
    [['done', '88/QĐ-BHXX', '4.1'], /no decision "88\/QĐ-BHXX"; did you mean "88\/QĐ-BHXH"\?/],
    [['done', '88', '4.11'], /88\/QĐ-BHXH has no task or reporting duty "4\.11"; did you mean "4\.1"\?/],
    [['done', '1320', 'bao-cao-danh-gia-hang-nm', '--period', '2025'], /did you mean "bao-cao-danh-gia-hang-nam"\?/],
    [['done', '88', '4.1', '--on', '25/01/2024'], /--on takes a calendar day written YYYY-MM-DD/],
    [['done', '88', '4.1', '--period', '2024'], /task 4\.1 does not recur/],
    [['done', '1320', 'bao-cao-danh-gia-hang-nam'], /a reporting duty is done one period at a time: add --period \(such as --period \d{4}\)/],
    [['done', '1320', 'bao-cao-danh-gia-hang-nam', '--period', '2025-H1'], /has no period "2025-H1" \(it runs 2021–2025\)/],
    [['done', '1320', 'bao-cao-danh-gia-hang-nam', '--period', '2026'], /has no period "2026"/],
    [['progress', '88', '4.1'], /required option '--note <text>' not specified/],
    [['progress', '88', '4.1', '--note', '  '], /--note needs some text/],
    [['progress', '1320', 'bao-cao-danh-gia-hang-nam', '--note', 'x'], /is a reporting duty of 1320\/QĐ-BHXH, not a task/],
    [['occurred', '88', '4.1', '--on', '2024-09-15'], /task 4\.1 does not wait on an event/],
    [['occurred', '88', '1.3', '--on', '2024-09-15', '--within', 'ba tháng'], /--within takes a duration/],
    [['occurred', '88', '1.3'], /required option '--on <date>' not specified/],
    [['cancel', '88'], /missing required argument 'task'/],
  ])('%j', (args, message) => {
    const t = bundled();
    const r = run(t, args, { PLAN_AS_OF: '2025-11-20' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(t.git('status', '--porcelain')).toBe('');
  });

  it('every command ends its help with examples', () => {
    for (const cmd of ['done', 'progress', 'occurred', 'cancel']) expect(runBin([cmd, '--help']).stdout).toMatch(/Examples:\n +\$ plan /);
  });
});

describe('recording: refusals (exit 1) leave the files alone', () => {
  it('plan files that do not validate before the edit', () => {
    const t = fixture('test/fixtures/status/invalid-plans');
    const r = run(t, ['done', '950/QĐ-BAD', '1.1', '--on', '2024-03-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/qd-950-invalid\.yaml:\d+:\d+: error/);
    expect(r.stderr).toContain('nothing changed');
    expect(t.git('status', '--porcelain')).toBe('');
  });

  it('an edit that would leave the file invalid (here: over the size limit)', () => {
    const t = fixture();
    const file = join(t.dir, 'plans/qd-901-test-2025.yaml');
    const text = readFileSync(file, 'utf8');
    const pad = 2 * 1024 * 1024 - Buffer.byteLength(text) - 20;
    writeFileSync(file, text + '#' + 'x'.repeat(pad - 2) + '\n');
    t.git('commit', '-qam', 'padded');
    const r = run(t, ['progress', '901', '1.1', '--note', 'Ghi chú đủ dài để vượt giới hạn', '--on', '2025-10-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FILE_TOO_LARGE');
    expect(r.stderr).toMatch(/recording this would leave plans\/qd-901-test-2025\.yaml invalid \(above\); nothing changed/);
    expect(t.git('status', '--porcelain')).toBe('');
  });

  it('a status shared through a YAML alias cannot be edited in one place', () => {
    const t = fixture();
    writeFileSync(
      join(t.dir, 'plans/qd-902-alias.yaml'),
      'decision:\n  number: 902/QĐ-TEST\n  title: T\n  issuer: I\n  signed: 2025-01-01\n  signer: S\nsections:\n  - no: "1"\n    lead: vu-a\n    tasks:\n      - id: "1.1"\n        content: A\n        status: &s { state: in-progress }\n      - id: "1.2"\n        content: B\n        status: *s\n',
    );
    t.git('add', '-A');
    t.git('commit', '-qm', 'alias');
    const r = run(t, ['done', '902', '1.2', '--on', '2025-03-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot record this in plans\/qd-902-alias\.yaml without touching text outside task 1\.2: "status" is not a mapping; nothing changed/);
    expect(t.git('status', '--porcelain')).toBe('');
  });
});

describe('recording keeps the file as it was written', () => {
  it('a byte-order mark and CRLF line breaks stay', () => {
    const t = fixture();
    const file = join(t.dir, 'plans/qd-901-test-2025.yaml');
    writeFileSync(file, '\uFEFF' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const mode = statSync(file).mode;
    expect(run(t, ['done', '901/QĐ-TEST', 'bao-cao-hang-nam', '--period', '2025', '--on', '2025-12-20']).code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('    submitted:\r\n      - period: "2025"\r\n        on: 2025-12-20\r\n');
    expect(statSync(file).mode).toBe(mode);
    expect(readdirSync(join(t.dir, 'plans')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(run(t, ['validate']).code).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});
