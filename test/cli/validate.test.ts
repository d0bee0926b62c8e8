import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/model/diagnostic.js';
import { runMain } from '../helpers/cli.js';

const BASE = 'test/fixtures/base';
const INVALID = 'test/fixtures/invalid';

// One mistake per fixture: the code, position and message `plan validate` must report.
const FIXTURES: [file: string, code: string, line: number, column: number, message: string, hint?: string][] = [
  ['yaml-syntax.yaml', 'YAML_SYNTAX', 20, 40, 'Missing closing "quote'],
  ['tab-indent.yaml', 'TAB_INDENT', 21, 1, 'Tabs are not allowed as indentation', 'YAML indents with spaces only; replace the tab with spaces'],
  ['duplicate-key.yaml', 'DUPLICATE_KEY', 23, 13, 'duplicate key "content"'],
  ['alias-bomb.yaml', 'ALIAS_LIMIT', 2, 8, 'the aliases in this file expand to too many nodes (limit 200); refusing to expand it'],
  ['empty.yaml', 'EMPTY_FILE', 0, 0, 'the file is empty', 'a plan file starts with one of: decision:, units:, leaders:, datasets:'],
  ['comments-only.yaml', 'EMPTY_FILE', 0, 0, 'the file is empty'],
  ['windows-1258.yaml', 'NOT_UTF8', 2, 14, 'the file is not UTF-8: byte 0xD0 cannot start or continue a UTF-8 character', 'it looks like a legacy Vietnamese code page (Windows-1258); convert it first: iconv -f CP1258 -t UTF-8 FILE > FILE.utf8'],
  ['utf-16.yaml', 'NOT_UTF8', 1, 1, 'the file is UTF-16, not UTF-8'],
  ['kind-unknown.yaml', 'FILE_KIND_UNKNOWN', 1, 1, 'cannot tell what kind of plan file this is: it has no "decision", "units", "leaders", "datasets" key'],
  ['top-level-list.yaml', 'FILE_KIND_UNKNOWN', 1, 1, 'a plan file is a mapping whose first key is one of decision, units, leaders, datasets; this one is a list'],
  ['key-typo.yaml', 'KEY_UNKNOWN', 24, 13, 'unknown key "dua"', 'did you mean "due"?'],
  ['key-unknown-meta.yaml', 'KEY_UNKNOWN', 6, 3, 'unknown key "signed_by"', 'did you mean "signed"?'],
  // Issue 9, defect 5: keys that name properties of every object are unknown keys, never a hidden status.
  ['key-proto.yaml', 'KEY_UNKNOWN', 23, 13, 'unknown key "__proto__"'],
  ['key-constructor.yaml', 'KEY_UNKNOWN', 23, 13, 'unknown key "constructor"'],
  ['key-prototype.yaml', 'KEY_UNKNOWN', 23, 13, 'unknown key "prototype"'],
  ['status-on-not-started.yaml', 'STATUS_INVALID', 22, 43, 'a not-started task has no date of completion', 'remove `on:` or set `state: done`'],
  ['key-missing.yaml', 'KEY_MISSING', 25, 13, 'missing required key "content"'],
  ['id-not-quoted.yaml', 'TYPE_MISMATCH', 25, 17, '"id" must be text, not the number 1.2', 'put it in quotes: "1.2"'],
  ['count-not-number.yaml', 'TYPE_MISMATCH', 17, 25, '"declared_count" must be a number, not the text "hai"'],
  ['enum-typo.yaml', 'VALUE_INVALID', 12, 18, '"field" must be one of no, content, count, lead, support, start, due, when, leader, product, mode, not the text "contents"', 'did you mean "content"?'],
  ['date-not-a-day.yaml', 'DATE_INVALID', 5, 11, '"signed": not a day of the calendar'],
  ['date-format.yaml', 'DATE_INVALID', 5, 11, '"signed": a date is written YYYY-MM-DD, such as 2024-01-30'],
  ['unit-name-unknown.yaml', 'UNIT_UNKNOWN', 16, 15, 'unit "Vụ Z" is not in the registry', 'did you mean "Vụ A" (vu-a) or "Vụ B" (vu-b)? if it is a new unit, add it to units.yaml: - { id: …, name: "Vụ Z", name_en: …, kind: central }'],
  ['task-id-duplicate.yaml', 'ID_DUPLICATE', 25, 17, 'task id "1.1" is already used on line 19'],
  ['unit-unknown.yaml', 'UNIT_UNKNOWN', 21, 22, 'unit "vu-c" is not in the registry', 'did you mean "Vụ A" (vu-a) or "Vụ B" (vu-b)? if it is a new unit, add it to units.yaml: - { id: vu-c, name: …, name_en: …, kind: central }'],
  ['unit-unknown-in-list.yaml', 'UNIT_UNKNOWN', 22, 29, 'unit "bhxh-tinhh" is not in the registry', 'did you mean "BHXH các tỉnh, thành phố" (bhxh-tinh)? if it is a new unit, add it to units.yaml: - { id: bhxh-tinhh, name: …, name_en: …, kind: central }'],
  ['leader-unknown.yaml', 'LEADER_UNKNOWN', 22, 21, 'leader "ptgd-b" is not in the registry', 'did you mean "PTGĐ Nguyễn Văn A" (ptgd-a)? if it is a new leader, add them to leaders.yaml: - { id: ptgd-b, name: …, title: …, display: … }'],
  ['depends-unknown.yaml', 'TASK_UNKNOWN', 29, 26, 'task 1.2 depends on "1.3", which is not a task of this decision', 'did you mean "1.1"?'],
  ['dependency-cycle.yaml', 'DEPENDENCY_CYCLE', 25, 25, 'tasks depend on each other in a cycle: 1.1 → 1.2 → 1.1'],
  ['count-mismatch.yaml', 'COUNT_MISMATCH', 17, 25, 'group 1 declares 3 tasks but lists 2'],
  ['total-mismatch.yaml', 'COUNT_MISMATCH', 13, 21, 'appendix pl declares a total of 40 but lists 2'],
  ['period-month-13.yaml', 'PERIOD_INVALID', 24, 18, '"Tháng 13/2024" is not a period: month 13 is not 1–12'],
  ['period-quarter-v.yaml', 'PERIOD_INVALID', 27, 20, '"Quý V/2024" is not a period: quarter V is not I–IV (or 1–4)'],
  ['period-not-a-day.yaml', 'PERIOD_INVALID', 24, 18, '"30/02/2024" is not a period: February 2024 has 29 days, not 30'],
  ['period-unknown.yaml', 'PERIOD_UNKNOWN', 24, 18, 'cannot read the period "cuối năm"; nearest accepted forms: "Cuối năm 2026", "Hằng năm", "Cả năm 2026"', 'accepted forms: Tháng 01/2024 · 2024-01; Tháng 3-4/2026 · Tháng 3, 4/2026 · Tháng 3/2026 - Tháng 6/2026; Quý III/2023 · Quý 01/2024 · 2023-Q3; Quý I, II/2026 · Quý I-II/2026 · Quý I - Quý III/2026; 6 tháng đầu năm 2024 · 9 tháng đầu năm 2026 · 2024-H1; Đầu năm 2026 · Giữa năm 2026 · Cuối năm 2026; Năm 2025 · Trong năm 2026 · Cả năm 2026 · 2025; 2022 - 2025 · 2022..2025; 30/6/2024 · 2024-06-30 · Trước ngày 30/6/2026 · Chậm nhất ngày 30/6/2026; Hoàn thành trong Quý II/2026; trước ngày 15 tháng 11; Thường xuyên · Từ năm 2026 · Năm 2025 và các năm tiếp theo; Hằng năm · Hằng quý · Hằng tháng · Định kỳ 6 tháng; Sau khi … · Theo …'],
  ['start-after-due.yaml', 'START_AFTER_DUE', 27, 20, 'task 1.2 starts (2025-01-01, "Năm 2025") after it is due (2024-12-31, "Quý IV/2024")'],
  ['when-and-due.yaml', 'PERIOD_CONFLICT', 27, 13, 'task 1.2 has both "when" and "due"'],
  ['within-without-event.yaml', 'PERIOD_CONFLICT', 29, 13, 'task 1.2 gives "within" but does not wait on an event'],
  ['yearly-deadline-in-task.yaml', 'PERIOD_KIND', 28, 18, '"trước ngày 15 tháng 11" is a yearly deadline; it belongs in a reporting duty, not a task\'s due'],
  ['reporting-not-yearly.yaml', 'PERIOD_KIND', 33, 11, 'a reporting deadline recurs each year; "Tháng 6/2025" does not'],
  ['lead-missing.yaml', 'LEAD_MISSING', 18, 13, 'task 1.1 has no lead unit'],
  ['done-without-day.yaml', 'VALUE_INVALID', 30, 15, '"on": a done or cancelled task needs the day it happened: add `on: YYYY-MM-DD`'],
  ['target-every-and-by.yaml', 'VALUE_INVALID', 30, 5, 'a target applies either `every: year` or `by: YEAR`, exactly one of them'],
  ['unit-id-duplicate.yaml', 'ID_DUPLICATE', 6, 9, `unit id "vu-x" is already used at ${INVALID}/unit-id-duplicate.yaml:2:9`],
  ['unit-name-clash.yaml', 'NAME_DUPLICATE', 6, 15, '"Vụ A" already names unit "vu-a"'],
  ['unit-kind-typo.yaml', 'VALUE_INVALID', 5, 11, '"kind" must be one of agency, central, province, district, external, group, not the text "centrl"', 'did you mean "central"?'],
  ['decision-duplicate', 'DECISION_DUPLICATE', 2, 11, `decision 1/QĐ-TEST is already encoded in ${INVALID}/decision-duplicate/a.yaml`],
  ['no-plans', 'NO_PLANS', 0, 0, `no plan files (*.yaml) in ${INVALID}/no-plans`],
];

interface Json {
  schemaVersion: number;
  errors: number;
  diagnostics: { code: string; severity: string; message: string; file: string; line: number; column: number; hint?: string }[];
}

describe('plan validate on invalid fixtures', () => {
  // The codes a plan file's reading, YAML, schema and reference checks can give: the union's own
  // sections up to the measure checks. Each has a fixture here, except those tested elsewhere.
  it('has a fixture for every reading, YAML, schema and reference error code', () => {
    const first = DIAGNOSTIC_CODES.indexOf('FILE_READ');
    const last = DIAGNOSTIC_CODES.indexOf('RECORD_PERIOD_INVALID');
    const elsewhere: Record<string, string> = {
      FILE_READ: 'declared, not emitted: an unreadable plan file is a usage error (exit 2)',
      FILE_TOO_LARGE: 'a very large file (below)',
      LINK_NOT_FOLLOWED: 'test/load/plan-links.test.ts',
      RECORD_PERIOD_INVALID: 'test/load/records.test.ts',
    };
    const planCodes = DIAGNOSTIC_CODES.slice(first, last + 1).filter((c) => !(c in elsewhere));
    const covered = new Set(FIXTURES.map((f) => f[1]));
    expect(planCodes.filter((c) => !covered.has(c))).toEqual([]);
    // Counted by hand in src/model/diagnostic.ts: 7 reading + 4 YAML + 5 schema + 16 reference codes, less the 4 above.
    expect(planCodes.length).toBe(28);
  });

  it.each(FIXTURES)('%s → %s at %i:%i', async (file, code, line, column, message, hint) => {
    const r = await runMain(['validate', '--plans', BASE, `${INVALID}/${file}`, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as Json;
    expect(json.schemaVersion).toBe(1);
    const first = json.diagnostics[0]!;
    expect(first).toMatchObject({ code, severity: 'error', line, column, message });
    if (hint !== undefined) expect(first.hint).toBe(hint);
  });

  it.each(FIXTURES.filter((f) => f[2] > 0))('%s prints FILE:LINE:COL, the excerpt and a caret', async (file, code, line, column) => {
    const r = await runMain(['validate', '--plans', BASE, `${INVALID}/${file}`]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.includes(`:${line}:${column}: error ${code} `));
    expect(head).toBeGreaterThanOrEqual(0);
    expect(lines[head]).toMatch(new RegExp(`^${INVALID}/${file.endsWith('.yaml') ? file.replace('.', '\\.') : file + '/b\\.yaml'}:${line}:${column}: error`));
    if (code !== 'NOT_UTF8' || file === 'windows-1258.yaml') {
      expect(lines[head + 1]).toMatch(new RegExp(`^  ${line} \\| `));
      // The caret starts under the column the diagnostic names.
      const caretLine = lines[head + 2]!;
      const prefix = `  ${' '.repeat(String(line).length)} | `;
      expect(caretLine.startsWith(prefix)).toBe(true);
      expect(caretLine.slice(prefix.length).indexOf('^')).toBeGreaterThanOrEqual(column - 1);
    }
    expect(lines.at(-2)).toMatch(/^\d+ errors?, \d+ warnings? in \d+ of \d+ files?$/);
  });

  it('reports every mistake of a file, not only the first', async () => {
    const r = await runMain(['validate', '--plans', BASE, `${INVALID}/many-errors.yaml`, '--format', 'json']);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['UNIT_UNKNOWN', 21],
      ['LEADER_UNKNOWN', 22],
      ['PERIOD_INVALID', 28],
    ]);
  });

  it('reports the mistakes of all files in one run, and across files', async () => {
    const r = await runMain(['validate', '--plans', BASE, `${INVALID}/unit-unknown.yaml`, `${INVALID}/period-month-13.yaml`, '--format', 'json']);
    const json = JSON.parse(r.stdout) as Json;
    // Both fixtures encode 1/QĐ-TEST, which is a finding of its own.
    expect(json.diagnostics.map((d) => d.code).sort()).toEqual(['DECISION_DUPLICATE', 'PERIOD_INVALID', 'UNIT_UNKNOWN']);
    expect(r.code).toBe(1);
  });

  it('shows the caret under the right characters in Vietnamese text', async () => {
    const r = await runMain(['validate', '--plans', BASE, `${INVALID}/period-month-13.yaml`]);
    expect(r.stdout).toContain('  24 |             due: Tháng 13/2024\n     |                  ^^^^^^^^^^^^^\n');
  });

  const tmp = mkdtempSync(join(tmpdir(), 'plan-validate-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses a very large file with a clear error instead of reading it', async () => {
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, 'decision:\n  title: "' + 'x'.repeat(3 * 1024 * 1024) + '"\n');
    const r = await runMain(['validate', '--plans', BASE, big, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Json).diagnostics[0]).toMatchObject({ code: 'FILE_TOO_LARGE', message: 'the file is 3.0 MiB; a plan file may be at most 2 MiB' });
  });

  it('finds the same positions in a file with CRLF line ends', async () => {
    const crlf = join(tmp, 'crlf-unit-unknown.yaml');
    writeFileSync(crlf, readFileSync(`${INVALID}/unit-unknown.yaml`, 'utf8').replace(/\n/g, '\r\n'));
    const r = await runMain(['validate', '--plans', BASE, crlf, '--format', 'json']);
    expect((JSON.parse(r.stdout) as Json).diagnostics[0]).toMatchObject({ code: 'UNIT_UNKNOWN', line: 21, column: 22 });
  });

  it('exits 2 with a message, not a stack trace, for a directory that does not exist', async () => {
    const r = await runMain(['validate', '--plans', 'no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('plan: plans directory not found: no/such/dir\n');
  });

  it('exits 2 with a message for a directory far too large to be the plans directory (--plans / by mistake)', async () => {
    const big = mkdtempSync(join(tmpdir(), 'plan-wide-'));
    for (let i = 0; i <= 20_000; i++) writeFileSync(join(big, `f${i}.txt`), '');
    const r = await runMain(['validate', '--plans', big]);
    rmSync(big, { recursive: true, force: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`plan: ${big} holds more than 20000 entries; is it the directory of plan files? (--plans, PLAN_DIR)\n`);
  });

  it('exits 2 for a named file that does not exist', async () => {
    const r = await runMain(['validate', '--plans', BASE, 'no-such-file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: file not found: no-such-file.yaml\n');
  });

  it('exits 1 for a plans directory with no plan files', async () => {
    const r = await runMain(['validate', '--plans', `${INVALID}/no-plans`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${INVALID}/no-plans: error NO_PLANS no plan files (*.yaml) in ${INVALID}/no-plans`);
  });
});

describe('plan validate on files that must be accepted as they are', () => {
  it.each(['valid.yaml', 'bom.yaml', 'crlf.yaml', 'nfd.yaml'])('accepts %s', async (file) => {
    const r = await runMain(['validate', '--plans', BASE, `test/fixtures/accepted/${file}`]);
    expect(r.stdout).toBe('1 plan file checked, no problems\n');
    expect(r.code).toBe(0);
  });

  it('reads decomposed Vietnamese as NFC', async () => {
    const r = await runMain(['tasks', '--plans', 'test/fixtures/accepted', '--format', 'json', '--as-of', '2024-07-01'], {});
    // The accepted directory has no registry of its own; use the base one alongside.
    expect(r.code).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'plan-nfd-'));
    for (const f of ['units.yaml', 'leaders.yaml']) writeFileSync(join(dir, f), readFileSync(`${BASE}/${f}`));
    writeFileSync(join(dir, 'nfd.yaml'), readFileSync('test/fixtures/accepted/nfd.yaml'));
    const ok = await runMain(['tasks', '--plans', dir, '--format', 'json', '--as-of', '2024-07-01']);
    rmSync(dir, { recursive: true, force: true });
    expect(ok.code).toBe(0);
    const tasks = (JSON.parse(ok.stdout) as { tasks: { content: string; decision: string }[] }).tasks;
    expect(tasks[0]!.content).toBe('Xây dựng kế hoạch');
    expect(tasks[0]!.content).toBe(tasks[0]!.content.normalize('NFC'));
    expect(tasks[0]!.decision).toBe('4/QĐ-TEST');
  });
});

describe('plan validate on the bundled plans', () => {
  it('passes, checking every file', async () => {
    const r = await runMain(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ plan files checked, no problems\n$/);
  });

  it('prints JSON with schemaVersion and no diagnostics', async () => {
    const r = await runMain(['validate', '--format', 'json']);
    const json = JSON.parse(r.stdout) as Json & { files: string[] };
    expect(json).toMatchObject({ schemaVersion: 1, errors: 0, diagnostics: [] });
    expect(json.files).toContain('plans/qd-88-bhxh-2024.yaml');
  });

  it('prints GitHub annotations for findings', async () => {
    const r = await runMain(['validate', '--plans', BASE, `${INVALID}/key-typo.yaml`, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `::error file=${INVALID}/key-typo.yaml,line=24,col=13,endLine=24,endColumn=16,title=KEY_UNKNOWN::unknown key "dua"%0Adid you mean "due"?\n`,
    );
  });
});
