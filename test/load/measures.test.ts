// Mistakes in measures and dataset references are findings at their position, with "did you mean".
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain, type RunResult } from '../helpers/cli.js';

type Case = [code: string, file: string, line: number, column: number, message: string, hint: string | null];

const CASES: Case[] = [
  ['KEY_UNKNOWN', 'qd-3-bad-schema-2024.yaml', 16, 31, 'unknown key "populaton"', 'did you mean "population"?'],
  ['FIELD_UNKNOWN', 'qd-2-bad-2024.yaml', 17, 45, 'dataset staff has no column "categroy"', 'did you mean "category"?'],
  ['VALUE_UNKNOWN', 'qd-2-bad-2024.yaml', 24, 55, 'category has no value "cong-chu" (it takes cong-chuc, vien-chuc, other)', 'did you mean "cong-chuc"?'],
  ['OPERATOR_INVALID', 'qd-2-bad-2024.yaml', 31, 58, '"=>" is not an operator', 'did you mean ">="? (write ">= 4")'],
  ['TOPIC_UNKNOWN', 'qd-2-bad-2024.yaml', 38, 61, 'no training topic "phap-luatt"', 'did you mean "phap-luat"?'],
  ['UNIT_TAG_UNKNOWN', 'qd-2-bad-2024.yaml', 45, 58, 'no unit in the registry has the tag "dong-dts"', 'did you mean "dong-dtts"?'],
  ['VALUE_UNKNOWN', 'qd-2-bad-2024.yaml', 52, 60, 'level is one of central, province, district, not "provinse"', 'did you mean "province"?'],
  ['DATASET_UNKNOWN', 'qd-2-bad-2024.yaml', 59, 24, 'no dataset "staf"', 'did you mean "staff"?'],
  ['FIELD_UNKNOWN', 'qd-2-bad-2024.yaml', 66, 43, 'dataset staff has no column "trainned"', 'did you mean "trained"?'],
  ['OPERATOR_INVALID', 'qd-2-bad-2024.yaml', 73, 53, 'category is text: it can be compared with = or != only, not >=', null],
  ['FIELD_UNKNOWN', 'qd-2-bad-2024.yaml', 80, 43, 'dataset counts has no column "don"', 'did you mean "done"?'],
  ['MEASURE_INVALID', 'qd-2-bad-2024.yaml', 86, 5, 'a milestone target has no threshold to measure against', 'remove the measure, or write `measure: { none: "…" }`'],
  ['MEASURE_MISSING', 'qd-2-bad-2024.yaml', 87, 5, 'target no-measure has no measure; it shows as "no data"', 'add `measure:` (or `measure: { none: "why no data can measure it" }`)'],
];

describe('plan validate on measures', () => {
  // Run once before the tests (in-process), never at collection time.
  let r!: RunResult;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json!: any;
  beforeAll(async () => {
    r = await runMain(['validate', '--plans', 'test/fixtures/measures/plans', '--format', 'json']);
    json = JSON.parse(r.stdout);
  });

  it('fails with every finding', () => {
    expect(r.code).toBe(1);
    expect(json.diagnostics).toHaveLength(CASES.length);
  });

  it.each(CASES)('%s at %s:%i:%i', (code, file, line, column, message, hint) => {
    const d = json.diagnostics.find((x: { file: string; line: number; code: string }) => x.file.endsWith(file) && x.line === line && x.code === code);
    expect(d).toMatchObject({ column, message, severity: code === 'MEASURE_MISSING' ? 'warning' : 'error' });
    expect(d.hint ?? null).toBe(hint);
  });

  it('prints the excerpt with a caret under the mistake', async () => {
    const text = (await runMain(['validate', '--plans', 'test/fixtures/measures/plans'])).stdout;
    expect(text).toContain(
      [
        'qd-2-bad-2024.yaml:38:61: error TOPIC_UNKNOWN no training topic "phap-luatt"',
        '  38 |     measure: { people: staff, achieved: { trained: { topic: phap-luatt } } }',
        '     |                                                             ^^^^^^^^^^',
        '  hint: did you mean "phap-luat"?',
      ].join('\n'),
    );
  });
});
