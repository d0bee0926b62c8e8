// DATA_UNUSED_COLUMN: a header a typo away from an optional column that is absent (that column
// would read as empty in every row) is a warning; a header the plans simply do not use is not.
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

const PLANS = 'test/fixtures/attainment/hand/plans';
const BAD = 'test/fixtures/attainment/bad';

async function issues(file: string) {
  const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--staff', `${BAD}/${file}`, '--format', 'json']);
  return { ...r, issues: (JSON.parse(r.stdout) as { data: { issues: Record<string, unknown>[] } }).data.issues };
}

describe('DATA_UNUSED_COLUMN', () => {
  it('a misspelt optional header is a warning naming the header, its position and the column', async () => {
    const r = await issues('misspelt-optional-header.csv');
    expect(r.code).toBe(0);
    expect(r.issues.filter((d) => d['code'] === 'DATA_UNUSED_COLUMN')).toEqual([
      {
        code: 'DATA_UNUSED_COLUMN',
        severity: 'warning',
        message: 'column 7 "english_levle" names no column of dataset staff, and its column "english_level" is absent, so every row reads "english_level" as empty',
        file: `${BAD}/misspelt-optional-header.csv`,
        line: 1,
        column: 7,
        row: 1,
        field: 'english_level',
        header: 'english_levle',
        hint: 'if "english_levle" is "english_level", rename the header or add it to the column\'s aliases in plans/datasets.yaml',
      },
    ]);
    expect(r.stderr).toContain('warning DATA_UNUSED_COLUMN');
  });

  it('a column the plans do not measure (a name) is ignored without a word', async () => {
    const r = await issues('extra-column.csv');
    expect(r.code).toBe(0);
    expect(r.issues).toEqual([]);
    expect(r.stderr).toBe('');
  });
});
