// plan status end to end through the built bin/plan.js.

import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

const FIXTURE = ['--plans', 'test/fixtures/status/plans'];

/** The lines of one decision's block in the text output. */
function block(out: string, number: string): string {
  const start = out.indexOf(`\n${number}  `);
  expect(start, `${number} in the output`).toBeGreaterThanOrEqual(0);
  const rest = out.slice(start + 1);
  const end = rest.search(/\n\n(?:\d+\/QĐ|All )/);
  return end < 0 ? rest : rest.slice(0, end);
}

interface DutyJson {
  id: string;
  next: { period: string; due: { to: string }; state: string } | null;
  overdue: { period: string; due: { to: string }; daysLate: number }[];
}

describe('plan status on the bundled plans', () => {
  it('shows the yearly and six-monthly reports as of 2025-11-20', async () => {
    const r = await runMain(['status', '--as-of', '2025-11-20', '--full', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // 1320: the yearly report before 15 November is due on the 14th, six days ago.
    const b1320 = block(r.stdout, '1320/QĐ-BHXH');
    expect(b1320).toContain('bao-cao-danh-gia-hang-nam → Vụ Kế hoạch và Đầu tư');
    expect(b1320).toMatch(/\n +2025 +overdue 6d +due 2025-11-14\n/);
    // 185: two reports a year, next due 31 May 2026; the yearly one due 31 December.
    const b185 = block(r.stdout, '185/QĐ-BHXH');
    expect(b185).toMatch(/bao-cao-6-thang → Trung tâm CNTT/);
    expect(b185).toMatch(/\n +2025-H2 +overdue 6d +due 2025-11-14\n/);
    expect(b185).toMatch(/\n +2026-H1 +next, in 192d +due 2026-05-31\n/);
    expect(b185).toMatch(/bao-cao-hang-nam → Ban chỉ đạo chuyển đổi số/);
    expect(b185).toMatch(/\n +2025 +next, in 41d +due 2025-12-31(?:\n|$)/);
    // Its ongoing tasks have no note since the plan was signed in January: stale.
    expect(b185).toMatch(/Stale \(13\): ongoing, no progress note since\s+2025-05-20/);
    expect(b185).toMatch(/1\.6 +on task 1\.5/);
  });

  it('gives the same in JSON', async () => {
    const r = await runMain(['status', '--as-of', '2025-11-20', '--format', 'json']);
    const json = JSON.parse(r.stdout) as { schemaVersion: number; decisions: { decision: string; duties: DutyJson[] }[] };
    expect(json.schemaVersion).toBe(1);
    const duties = (n: string) => json.decisions.find((d) => d.decision === n)!.duties;
    const yearly = duties('1320/QĐ-BHXH').find((d) => d.id === 'bao-cao-danh-gia-hang-nam')!;
    expect(yearly.overdue.find((i) => i.period === '2025')).toMatchObject({ due: { to: '2025-11-14' }, daysLate: 6 });
    expect(yearly.next).toBeNull();
    expect(duties('185/QĐ-BHXH').find((d) => d.id === 'bao-cao-6-thang')!.next).toMatchObject({ period: '2026-H1', due: { to: '2026-05-31' } });
    expect(duties('185/QĐ-BHXH').find((d) => d.id === 'bao-cao-hang-nam')!.next).toMatchObject({ period: '2025', due: { to: '2025-12-31' }, state: 'open' });
  });

  it.each(['2024-01-31', '2024-07-01', '2025-11-20', '2031-01-01'])('fits 80 columns as of %s', async (asOf) => {
    const r = await runMain(['status', '--as-of', asOf], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('the bundled plans are all open, overdue or waiting as of 2024-07-01: nothing is recorded done', async () => {
    const json = JSON.parse((await runMain(['status', '--as-of', '2024-07-01', '--format', 'json'])).stdout) as { totals: Record<string, number> };
    expect(json.totals['done']).toBe(0);
    expect(json.totals['cancelled']).toBe(0);
  });
});

describe('plan status formats, filters, colour and exit codes', () => {
  it('--format md', async () => {
    const r = await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20', '--format', 'md', '--lang', 'en']);
    expect(r.stdout).toMatch(/^# Status as of 2025-11-20\n/);
    expect(r.stdout).toContain('### Overdue (3), most late first');
    expect(r.stdout).toContain('| bao-cao-nam | Vụ B | 2025 | 2025-11-14 | overdue 6d |');
  });

  it('--format csv', async () => {
    const r = await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20', '--format', 'csv']);
    expect(r.stdout.startsWith('\uFEFFsection,decision,kind,id,')).toBe(true);
    expect(r.stdout).toContain('stale,900/QĐ-TEST,task,2.3,,ongoing,');
  });

  it('--unit, --leader and --decision narrow the report', async () => {
    const unit = await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20', '--unit', 'Trung tâm C', '--full', '--lang', 'en']);
    expect(unit.stdout).toContain('Status as of 2025-11-20 · unit Trung tâm C');
    expect(block(unit.stdout, '900/QĐ-TEST')).toMatch(/^900\/QĐ-TEST .*\n  1 task: 1 overdue\n/);
    expect(block(unit.stdout, '901/QĐ-TEST')).toContain('bao-cao-hang-nam → Bảo hiểm xã hội Việt Nam');
    const leader = await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20', '--leader', 'PTGĐ Nguyễn Văn Một', '--full', '--lang', 'en']);
    expect(leader.stdout).not.toContain('901/QĐ-TEST');
    expect(leader.stdout).not.toContain('Reporting duties');
    const decision = await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20', '--decision', 'qd-901-test-2025', '--full', '--lang', 'en']);
    expect(decision.stdout).not.toContain('900/QĐ-TEST');
    expect(decision.stdout).toContain('901/QĐ-TEST');
  });

  it('--within widens the due-soon window', async () => {
    const r = await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20', '--within', '45', '--decision', '900', '--full', '--lang', 'en']);
    expect(r.stdout).toContain('Due within 45 days (3)');
  });

  it('colours by state on a terminal only', async () => {
    const ansi = /\u001b\[/;
    expect((await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20'], { env: { NO_COLOR: undefined } })).stdout).not.toMatch(ansi);
    expect((await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runMain(['status', ...FIXTURE, '--as-of', '2025-11-20', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
  });

  it('--help ends with examples', async () => {
    const r = await runMain(['status', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toMatch(/Examples:\n(?: +\$ plan status.*\n?)+$/);
  });

  it.each([
    [['--leader', 'nobody'], /no leader "nobody" in the registry/],
    [['--decision', '901/QĐ-TES'], /no decision "901\/QĐ-TES"; did you mean "901\/QĐ-TEST"\?/],
    [['--decision', '902'], /no decision "902"; known: 900\/QĐ-TEST, qd-900-test-2023, 901\/QĐ-TEST/],
    [['--format', 'html'], /argument 'html' is invalid/],
    [['--within', '-3'], /--within takes a whole number of days/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await runMain(['status', ...FIXTURE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a missing plans directory is exit 2; plans that do not validate are exit 1', async () => {
    expect((await runMain(['status', '--plans', 'test/fixtures/status/nowhere'])).code).toBe(2);
    const bad = await runMain(['status', '--plans', 'test/fixtures/status/invalid-plans', '--as-of', '2025-11-20']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error \w+ .*/);
  });
});
