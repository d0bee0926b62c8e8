import { cpSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'plan-sense-'));
  dirs.push(d);
  return d;
}

function withTasks(tasks: string, term = 'Năm 2024'): string {
  const dir = tmp();
  for (const f of ['units.yaml', 'leaders.yaml']) copyFileSync(join(ROOT, 'test/fixtures/base', f), join(dir, f));
  writeFileSync(
    join(dir, 'decision.yaml'),
    `decision:
  number: 4/QĐ-TEST
  title: Kế hoạch thử
  issuer: Bảo hiểm xã hội Việt Nam
  signed: 2024-01-30
  signer: Nguyễn Văn A
  term: ${term}
sections:
  - no: "1"
    lead: vu-a
    tasks:
${tasks}`,
  );
  return dir;
}

interface Finding {
  code: string;
  severity: string;
  message: string;
  line: number;
}

async function validate(dir: string, strict = false): Promise<{ code: number; findings: Finding[] }> {
  const r = await runMain(['validate', '--plans', dir, '--format', 'json', ...(strict ? ['--strict'] : [])]);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { diagnostics: Finding[] }).diagnostics };
}

describe('sense checks on a task\'s periods', () => {
  it('warns about a task due after the decision\'s term', async () => {
    const dir = withTasks(`      - { id: "1.1", content: Việc một, start: Quý I/2024, due: Quý I/2025 }\n      - { id: "1.2", content: Việc hai, start: Quý I/2024, due: Quý IV/2024 }\n`);
    const r = await validate(dir);
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'DUE_AFTER_TERM',
        severity: 'warning',
        line: 12,
        message: 'task 1.1 is due (2025-03-31, "Quý I/2025") after the decision\'s term ends (2024-12-31, "Năm 2024")',
      }),
    ]);
    expect((await validate(dir, true)).code).toBe(1);
  });

  it('warns about a task whose start period ended long before the decision was signed', async () => {
    const dir = withTasks(`      - { id: "1.1", content: Việc một, start: Tháng 01/2023, due: Quý IV/2024 }\n      - { id: "1.2", content: Việc hai, start: Quý III/2023, due: Quý IV/2024 }\n`);
    const r = await validate(dir);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'START_BEFORE_SIGNED', severity: 'warning', line: 12, message: 'task 1.1 starts (Tháng 01/2023, over by 2023-01-31) long before the decision was signed (2024-01-30)' }),
    ]);
  });

  it('takes a task that began before the term and runs past it as a longer project', async () => {
    const dir = withTasks(`      - { id: "1.1", content: Việc một, start: Năm 2023, due: Năm 2025 }\n`);
    expect((await validate(dir)).findings).toEqual([]);
  });
});

describe('a decision not yet issued on the as-of day', () => {
  // 185/QĐ-BHXH is signed on 24 January 2025 (plans/qd-185-bhxh-2025.yaml).
  it('is left out of status, and named as not yet issued', async () => {
    const r = await runMain(['status', '--as-of', '2024-07-01', '--no-attainment', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { decisions: { decision: string }[]; notYetIssued: { decision: string; signed: string }[] };
    expect(json.decisions.map((d) => d.decision)).not.toContain('185/QĐ-BHXH');
    expect(json.decisions.map((d) => d.decision)).toContain('88/QĐ-BHXH');
    expect(json.notYetIssued).toEqual([expect.objectContaining({ decision: '185/QĐ-BHXH', signed: '2025-01-24' })]);
    const text = await runMain(['status', '--as-of', '2024-07-01', '--no-attainment', '--no-color', '--lang', 'en'], { env: { COLUMNS: '200' } });
    expect(text.stdout).toContain('Not yet issued on 2024-07-01, left out: 185/QĐ-BHXH (signed 2025-01-24)');
  });

  it('is named only when status is asked of it or of every decision, not of another one', async () => {
    const of88 = JSON.parse((await runMain(['status', '--as-of', '2024-07-01', '--decision', '88', '--no-attainment', '--format', 'json'])).stdout) as { notYetIssued?: unknown };
    expect(of88.notYetIssued).toBeUndefined();
    const of185 = JSON.parse((await runMain(['status', '--as-of', '2024-07-01', '--decision', '185', '--no-attainment', '--format', 'json'])).stdout) as { decisions: unknown[]; notYetIssued: { decision: string }[] };
    expect(of185.decisions).toEqual([]);
    expect(of185.notYetIssued).toEqual([expect.objectContaining({ decision: '185/QĐ-BHXH' })]);
  });

  it('is counted from its signing day on', async () => {
    const before = JSON.parse((await runMain(['status', '--as-of', '2025-01-23', '--no-attainment', '--format', 'json'])).stdout) as { decisions: { decision: string }[]; notYetIssued?: unknown };
    const on = JSON.parse((await runMain(['status', '--as-of', '2025-01-24', '--no-attainment', '--format', 'json'])).stdout) as { decisions: { decision: string }[]; notYetIssued?: unknown };
    expect(before.decisions.map((d) => d.decision)).not.toContain('185/QĐ-BHXH');
    expect(on.decisions.map((d) => d.decision)).toContain('185/QĐ-BHXH');
    expect(on.notYetIssued).toBeUndefined();
  });

  it('has no tasks in the overdue list or the report', async () => {
    const overdue = JSON.parse((await runMain(['overdue', '--as-of', '2024-12-31', '--within', '400', '--format', 'json'])).stdout) as { items?: { decision: string }[]; tasks?: { decision: string }[] };
    const items = overdue.items ?? overdue.tasks ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((t) => t.decision === '185/QĐ-BHXH')).toEqual([]);
    const report = await runMain(['report', '--as-of', '2024-07-01', '--decision', '88']);
    expect(report.code).toBe(0);
    expect(report.stdout).not.toContain('185/QĐ-BHXH');
  });
});

describe('recording a day after the as-of day', () => {
  it('is refused without --force and leaves the file as it was', async () => {
    const dir = tmp();
    cpSync(join(ROOT, 'plans'), dir, { recursive: true });
    const file = join(dir, 'qd-88-bhxh-2024.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await runMain(['done', '88', '4.1', '--plans', dir, '--as-of', '2024-07-01', '--on', '2024-07-02']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: --on 2024-07-02 is after the as-of day 2024-07-01: that has not happened yet; check the date, or give --force to record it anyway\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const forced = await runMain(['done', '88', '4.1', '--plans', dir, '--as-of', '2024-07-01', '--on', '2024-07-02', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('on: 2024-07-02');
    const same = await runMain(['progress', '88', '4.2', '--plans', dir, '--as-of', '2024-07-01', '--on', '2024-07-01', '--note', 'Đã họp']);
    expect(same.code).toBe(0);
  });
});
