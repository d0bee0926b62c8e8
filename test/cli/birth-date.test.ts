// A staff file with a birth date ("Ngày sinh") and no birth year: the year is derived, and `age` is
// the exact age as of the period's last day. The hand fixture's `age` target (under 40 as of
// 2024-12-31 → S02 S03 S05 S06 S09; ky-nang-so in 2024 by S03 S06 S09 → 3 of 5) with birth dates
// in place of years; S07 is born 1984-12-31 (exactly 40 on the last day: not under 40) and S11
// 1985-01-01 (39 on the last day, 40 the day after; S11 is active only from 2025, so not counted).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

let dir: string;
const BIRTH: Record<string, string> = { S01: '15/05/1970', S02: '01/06/1990', S03: '31/12/1995', S04: '1/1/1975', S05: '02.02.1986', S06: '1999-07-07', S07: '31/12/1984', S08: '10/10/1968', S09: '03/03/2001', S10: '05/05/1985', S11: '01/01/1985', S12: '12/12/1979' };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-birth-'));
  cpSync(join(ROOT, 'test/fixtures/attainment/hand'), dir, { recursive: true });
  const ds = join(dir, 'plans/datasets.yaml');
  writeFileSync(
    ds,
    readFileSync(ds, 'utf8')
      .replace('    birth_year: birth_year\n', '    birth_year: birth_year\n    birth_date: birth_date\n')
      .replace("      - { name: birth_year, type: integer, min: 1940, max: 2015, aliases: [Năm sinh] }\n", "      - { name: birth_year, type: integer, min: 1940, max: 2015, aliases: [Năm sinh] }\n      - { name: birth_date, type: date, aliases: [Ngày sinh] }\n"),
  );
  const [head, ...rows] = readFileSync(join(dir, 'staff.csv'), 'utf8').trimEnd().split('\n');
  const cols = head!.split(',');
  const at = cols.indexOf('birth_year');
  const out = [cols.map((c, i) => (i === at ? 'Ngày sinh' : c)).join(','), ...rows.map((r) => r.split(',').map((c, i, all) => (i === at ? BIRTH[all[0]!]! : c)).join(','))];
  writeFileSync(join(dir, 'staff-birth-dates.csv'), out.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('age from the birth date: the same 3 of 5 as from the birth year, S07 (40 on the last day) left out', async () => {
  const r = await runMain(['attainment', '--plans', join(dir, 'plans'), '--as-of', '2024-12-31', '--staff', join(dir, 'staff-birth-dates.csv'), '--trainings', join(dir, 'trainings.csv'), '--target', 'age', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const t = (JSON.parse(r.stdout) as { targets: { id: string; numerator: number; denominator: number; status: string }[] }).targets[0]!;
  expect([t.id, t.numerator, t.denominator, t.status]).toEqual(['age', 3, 5, 'met']);
});

it('the plans with a birth_date role validate', async () => {
  const r = await runMain(['validate', '--plans', join(dir, 'plans')]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
});
