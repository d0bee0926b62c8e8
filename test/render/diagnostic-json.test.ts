// One JSON shape for a finding, whichever command prints it: DESIGN's { code, severity, message,
// file, line, column, hint? }, plus the end of the span and the CSV fields when the finding has them.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { diagnosticJson } from '../../src/render/diagnostics.js';
import { runMain } from '../helpers/cli.js';

const CORE = ['code', 'severity', 'message', 'file', 'line', 'column'];
const EXTRA = ['endLine', 'endColumn', 'hint', 'row', 'field', 'header', 'value'];

describe('diagnosticJson', () => {
  it('keeps the fields a finding has, leaves out the excerpt (text output only)', () => {
    const d: Diagnostic = { code: 'ROW_UNIT_UNKNOWN', severity: 'error', message: 'unit "x" is not in the registry', file: 'staff.csv', line: 3, column: 2, row: 3, field: 'unit', header: 'Đơn vị', value: 'x', excerpt: 'S02,x', hint: 'did you mean "y"?' };
    expect(diagnosticJson(d)).toEqual({ code: 'ROW_UNIT_UNKNOWN', severity: 'error', message: 'unit "x" is not in the registry', file: 'staff.csv', line: 3, column: 2, row: 3, field: 'unit', header: 'Đơn vị', value: 'x', hint: 'did you mean "y"?' });
    expect(diagnosticJson({ code: 'NO_PLANS', severity: 'error', message: 'no plan files', file: 'p', line: 0, column: 0 })).toEqual({ code: 'NO_PLANS', severity: 'error', message: 'no plan files', file: 'p', line: 0, column: 0 });
  });

  it('plan validate and plan attainment print findings in that shape', async () => {
    const v = await runMain(['validate', '--plans', 'test/fixtures/attainment/hand/plans', 'test/fixtures/invalid', '--format', 'json']);
    const a = await runMain(['attainment', '--plans', 'test/fixtures/attainment/hand/plans', '--as-of', '2024-12-31', '--staff', 'test/fixtures/attainment/bad/unknown-unit.csv', '--format', 'json']);
    const found = [...(JSON.parse(v.stdout) as { diagnostics: Record<string, unknown>[] }).diagnostics, ...(JSON.parse(a.stdout) as { data: { issues: Record<string, unknown>[] } }).data.issues];
    expect(found.some((d) => d['code'] === 'ROW_UNIT_UNKNOWN')).toBe(true);
    expect(found.some((d) => String(d['code']).startsWith('ROW_'))).toBe(true);
    expect(found.some((d) => !String(d['code']).startsWith('ROW_') && !String(d['code']).startsWith('DATA_'))).toBe(true);
    for (const d of found) {
      expect(Object.keys(d).slice(0, CORE.length)).toEqual(CORE);
      for (const k of Object.keys(d).slice(CORE.length)) expect(EXTRA).toContain(k);
    }
  });
});
