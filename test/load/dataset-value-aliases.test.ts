// Value aliases, date forms and number formats in dataset definitions are checked like the rest of
// a plan file: a key that is no value, a label meaning two values, a boolean-only option elsewhere.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The bundled plans with one edit to datasets.yaml. */
async function validateWith(from: string, to: string) {
  dir = mkdtempSync(join(tmpdir(), 'plan-aliases-'));
  cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  const file = join(dir, 'plans/datasets.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text.includes(from), from).toBe(true);
  writeFileSync(file, text.replace(from, to));
  return runMain(['validate', '--plans', join(dir, 'plans'), '--format', 'json']);
}

describe('dataset definitions: value aliases', () => {
  it('the bundled definitions validate', async () => {
    const r = await runMain(['validate', '--format', 'json']);
    expect(r.code).toBe(0);
  });

  it.each([
    ['an enum alias keyed by no value', '          cong-chuc: [Công chức, CC]', '          cong-chu: [Công chức, CC]', 'VALUE_UNKNOWN', 'value alias key "cong-chu" is not a value of column "category"'],
    ['an integer alias out of range', '          "6": [Bậc 6, C2]', '          "7": [Bậc 6, C2]', 'VALUE_UNKNOWN', 'value alias key "7" is not a value of column "english_level": it takes a whole number from 0 to 6'],
    ['a boolean alias keyed by neither true nor false', '          "false": [Không, Sai]', '          "no": [Không, Sai]', 'VALUE_UNKNOWN', 'it takes "true" or "false"'],
    ['one label for two values', '          vien-chuc: [Viên chức, VC]', '          vien-chuc: [Viên chức, VC, CC]', 'NAME_DUPLICATE', '"CC" already means cong-chuc in column "category"'],
    ['empty_means on a column that is no boolean', '        aliases: [Năm sinh]\n', '        aliases: [Năm sinh]\n        empty_means: false\n', 'DATASET_INVALID', 'only a boolean column has empty_means'],
    ['an unknown date form', '    date_forms: [yyyy-mm-dd, dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy]\n    of: staff', '    date_forms: [yyyy-mm-dd, mm/dd/yyyy]\n    of: staff', 'VALUE_INVALID', 'not the text "mm/dd/yyyy"'],
  ])('%s', async (_name, from, to, code, message) => {
    const r = await validateWith(from, to);
    expect(r.code).toBe(1);
    const diags = JSON.parse(r.stdout).diagnostics as { code: string; message: string; file: string; line: number }[];
    const d = diags.find((x) => x.message.includes(message));
    expect(d, r.stdout).toBeDefined();
    if (code) expect(d!.code).toBe(code);
    expect(d!.file).toMatch(/datasets\.yaml$/);
    expect(d!.line).toBeGreaterThan(0);
  });
});
