// Bad data, one fixture each: the finding names file, row, column and value; bad rows are
// excluded (exit 0) or fatal with --strict (exit 1); unreadable files exit 1; usage errors exit 2.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, runMain } from '../helpers/cli.js';

const PLANS = 'test/fixtures/attainment/hand/plans';
const BAD = 'test/fixtures/attainment/bad';

async function run(flag: '--staff' | '--trainings', file: string, ...extra: string[]) {
  const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', flag, `${BAD}/${file}`, '--target', 'trained-period', '--format', 'json', ...extra]);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

type RowCase = [file: string, flag: '--staff' | '--trainings', code: string, row: number, field: string | null, value: string | null, stderr: string];

const ROW_CASES: RowCase[] = [
  ['unknown-unit.csv', '--staff', 'ROW_UNIT_UNKNOWN', 3, 'unit', 'bhxh-ha-noi', 'row 3, column 2 (unit): error ROW_UNIT_UNKNOWN unit: unit "bhxh-ha-noi" is not in the registry'],
  ['duplicate-id.csv', '--staff', 'ROW_ID_DUPLICATE', 4, 'id', 'S01', 'row 4, column 1 (id): error ROW_ID_DUPLICATE id "S01" is already used by an earlier row; the first row is kept'],
  ['not-a-number.csv', '--staff', 'ROW_NOT_A_NUMBER', 3, 'english_level', 'B2', 'row 3, column 7 (english_level): error ROW_NOT_A_NUMBER english_level: "B2" is not a whole number'],
  ['out-of-range.csv', '--staff', 'ROW_OUT_OF_RANGE', 4, 'english_level', '7', 'english_level: 7 is out of range: english_level takes 0–6'],
  ['bad-date.csv', '--staff', 'ROW_DATE_INVALID', 2, 'active_from', '2024-02-30', 'row 2, column 9 (active_from): error ROW_DATE_INVALID active_from: "2024-02-30" is not a day of the calendar'],
  ['unknown-value.csv', '--staff', 'ROW_VALUE_UNKNOWN', 3, 'category', 'congchuc', 'hint: did you mean "cong-chuc"?'],
  ['field-count.csv', '--staff', 'ROW_FIELD_COUNT', 4, null, null, 'row 4: error ROW_FIELD_COUNT the row has 5 cells, the header 10'],
  ['open-quote.csv', '--staff', 'ROW_QUOTE', 3, null, null, 'row 3: error ROW_QUOTE a quoted cell is never closed'],
  ['trainings-unknown-staff.csv', '--trainings', 'ROW_PERSON_UNKNOWN', 3, 'staff_id', 'S99', 'row 3, column 1 (staff_id): error ROW_PERSON_UNKNOWN staff_id "S99" is not in test/fixtures/attainment/hand/staff.csv'],
];

describe('bad rows', () => {
  it.each(ROW_CASES)('%s: %s at row %i', async (file, flag, code, row, field, value, stderr) => {
    const r = await run(flag, file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${BAD}/${file}: ${stderr.startsWith('row') ? stderr : ''}`.replace(/: $/, ''));
    expect(r.stderr).toContain(stderr);
    expect(r.stderr).toMatch(/bad rows? excluded/);
    const issue = r.json.data.issues.find((d: { code: string }) => d.code === code);
    expect(issue).toMatchObject({ file: `${BAD}/${file}`, row, severity: 'error' });
    if (field) expect(issue).toMatchObject({ field, value });
    const read = r.json.data.datasets.find((d: { file: string }) => d.file === `${BAD}/${file}`);
    // bad-date.csv's second row is 15/03/2020, a day-first date that reads (issue 10): only the 30 February is bad.
    expect(read.rowsExcluded).toBe(1);
  });

  it.each(ROW_CASES)('%s is fatal with --strict', async (file, flag, code) => {
    const r = await run(flag, file, '--strict');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain('--strict: the data has');
  });

  it('excluded rows leave the rest counted', async () => {
    // unknown-unit.csv: S01 (cong-chuc) and S03 are kept, S02 excluded; S01 trained in phap-luat in 2024.
    const t = (await run('--staff', 'unknown-unit.csv')).json.targets[0];
    expect(t).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('unreadable files', () => {
  it.each([
    ['missing-column.csv', 'DATA_COLUMN_MISSING', 'the required column "category" is missing (also accepted: "Phân loại")'],
    ['header-only.csv', 'DATA_EMPTY', 'row 1: error DATA_EMPTY the file has a header but no data rows'],
    ['not-utf8.csv', 'DATA_ENCODING', 'not-utf8.csv:3:22: error DATA_ENCODING the file is not UTF-8: byte 0xFC at line 3, column 22'],
    // A byte that is never UTF-8 (0xFF) among the last three: still named where it is, not taken for a character cut short.
    ['bad-byte-at-end.csv', 'DATA_ENCODING', 'bad-byte-at-end.csv:4:2: error DATA_ENCODING the file is not UTF-8: byte 0xFF at line 4, column 2'],
  ])('%s: %s, exit 1, its targets have no data', async (file, code, stderr) => {
    const r = await run('--staff', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(stderr);
    expect(r.json.data.issues[0]).toMatchObject({ code, file: `${BAD}/${file}` });
    expect(r.json.targets[0]).toMatchObject({ status: 'no-data', reason: { code: 'read-failed', file: `${BAD}/${file}`, error: expect.stringContaining('') } });
  });

  it('names the encoding a non-UTF-8 file seems to be in', async () => {
    expect((await run('--staff', 'not-utf8.csv')).stderr).toContain('it looks like ISO-8859-1');
  });

  it('a file given on the command line that does not exist is a usage error', async () => {
    const r = await run('--staff', 'no-such-file.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan: data file not found: ${BAD}/no-such-file.csv (dataset staff)\n`);
  });
});

describe('encodings and headers', () => {
  it('maps Vietnamese headers of an HR export (BOM, CRLF, có/không)', async () => {
    const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--staff', `${BAD}/vietnamese-headers.csv`, '--target', 'eq-at-least', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Two công chức, levels 5 and 3.
    expect(JSON.parse(r.stdout).targets[0]).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('detects Windows-1258 and decodes it, with a warning', async () => {
    const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--staff', `${BAD}/windows-1258.csv`, '--target', 'eq-at-least', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning DATA_DECODED the file is not UTF-8; it reads as Vietnamese in Windows-1258');
    const json = JSON.parse(r.stdout);
    expect(json.data.datasets[0]).toMatchObject({ encoding: 'windows-1258', rowsKept: 3 });
    expect(json.targets[0]).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('--encoding names the encoding (no warning)', async () => {
    const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--staff', `${BAD}/windows-1258.csv`, '--encoding', 'windows-1258', '--target', 'eq-at-least', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).targets[0]).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('--encoding utf-8 on a legacy file reports the first bad byte instead of guessing', async () => {
    const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--staff', `${BAD}/windows-1258.csv`, '--encoding', 'utf-8', '--target', 'eq-at-least']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error DATA_ENCODING the file is not UTF-8: byte 0x');
  });

  it.each(['attainment', 'status', 'report', 'data inspect x.csv'])('an unknown --encoding is a usage error (%s)', async (command) => {
    const r = await runMain([...command.split(' '), '--plans', PLANS, '--encoding', 'klingon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--encoding: unknown encoding "klingon"');
  });

  // The warning's hint names --encoding: every command that reads data takes it.
  it.each(['status', 'report'])('%s takes --encoding as attainment does (no guess, no warning)', async (command) => {
    const args = [command, '--plans', PLANS, '--as-of', '2024-12-31', '--staff', `${BAD}/windows-1258.csv`, '--format', command === 'report' ? 'md' : 'json'];
    const guessed = await runMain(args);
    expect(guessed.stderr).toContain('warning DATA_DECODED');
    expect(guessed.stderr).toContain('pass --encoding');
    const named = await runMain([...args, '--encoding', 'windows-1258']);
    expect(named.code).toBe(0);
    expect(named.stderr).not.toContain('DATA_DECODED');
    expect(named.stdout).toBe(guessed.stdout);
  });
});

it('a directory given as a data file is a usage error that says so', async () => {
  const r = await runMain(['attainment', '--plans', PLANS, '--staff', BAD, '--format', 'json']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`plan: ${BAD} is a directory, not a regular file (dataset staff)\n`);
});

describe('training files read on a second thread', () => {
  // Large training files fold on a worker thread (PLAN_DATA_WORKER=1 forces it for small ones):
  // the findings and every number must be the same as when read in the main thread.
  // The built bundle's worker thread, end to end: through bin/plan.js.
  const both = (args: string[]) =>
    ['0', '1'].map((w) => {
      const r = runBin(args, { env: { PLAN_DATA_WORKER: w } });
      return { code: r.code, stdout: r.stdout, stderr: r.stderr };
    });

  it.each([
    ['trainings-unknown-staff.csv', ['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--trainings', `${BAD}/trainings-unknown-staff.csv`, '--format', 'json']],
    ['the bundled sample, by unit', ['attainment', '--as-of', '2025-12-31', '--by', 'unit', '--format', 'json']],
  ])('%s', (_name, args) => {
    const [inThread, onWorker] = both(args as string[]);
    expect(onWorker).toEqual(inThread);
    expect(inThread!.code).toBe(0);
  });
});

// Issue 9, defect 10: a FIFO or a device named as a data file is named as what it is.
describe('a data file that is not a regular file', () => {
  it.each([
    ['a named pipe (FIFO)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'plan-fifo-'));
      const fifo = join(dir, 'staff.csv');
      execFileSync('mkfifo', [fifo]);
      return fifo;
    }],
    ['a device', () => '/dev/null'],
  ])('%s: a usage error that says so, and nothing is read', async (kind, make) => {
    const file = make();
    const r = await runMain(['attainment', '--plans', PLANS, '--staff', file, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan: ${file} is ${kind}, not a regular file (dataset staff)\n`);
  });
});
