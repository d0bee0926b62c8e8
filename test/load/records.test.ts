import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

type Case = [file: string, code: string, line: number, column: number, message: RegExp];

// One fixture per bad input; each validated next to the status fixtures' registries.
const CASES: Case[] = [
  ['submitted-wrong-period.yaml', 'RECORD_PERIOD_INVALID', 15, 17, /reporting duty bao-cao-nam has no period "2024-H1"/],
  ['submitted-before-first.yaml', 'RECORD_PERIOD_INVALID', 16, 19, /runs 2022–2025; "2021" is outside it/],
  ['submitted-twice.yaml', 'RECORD_PERIOD_INVALID', 16, 19, /records period "2023-H1" twice/],
  ['done-periods-not-recurring.yaml', 'RECORD_PERIOD_INVALID', 18, 11, /task 1\.1 does not recur/],
  ['three-deadlines.yaml', 'VALUE_INVALID', 13, 10, /fall due 3 times a year/],
];

describe('records of recurring duties and tasks', () => {
  it.each(CASES)('%s', async (file, code, line, column, message) => {
    const r = await runMain(['validate', `test/fixtures/records/${file}`, '--plans', 'test/fixtures/status/plans', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; column: number; message: string }[] };
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ code, line, column });
    expect(out.diagnostics[0]!.message).toMatch(message);
  });

  it('accepts the fixtures that record progress of every kind', async () => {
    const r = await runMain(['validate', '--plans', 'test/fixtures/status/plans']);
    expect(r.stdout).toContain('no problems');
    expect(r.code).toBe(0);
  });
});
