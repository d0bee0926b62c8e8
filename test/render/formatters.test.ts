// Formatters on hand-built reports, each output compared whole (as ESLint's formatter tests do):
// colour off, and once with colour on. Every line below was checked by eye against the report.

import { describe, expect, it } from 'vitest';
import type { TargetsReport } from '../../src/report/targets.js';
import { TARGET_FORMATS, targetsAsJson } from '../../src/render/targets.js';
import { UNIT_FORMATS, unitsAsJson, type UnitsReport } from '../../src/render/units.js';

const ctx = { color: false, width: 60, lang: 'vi' as const };

const targets: TargetsReport = {
  targets: [
    { decision: '9/QĐ-T', decisionKey: 'qd-9', id: 'ti-le-a', text: 'Tỷ lệ cán bộ được bồi dưỡng | "đạt" 80%', subject: null, section: '2.1', kind: 'numeric', comparator: 'at_least', threshold: 80, every: 'year', by: null },
    { decision: '9/QĐ-T', decisionKey: 'qd-9', id: 'chi-phi', text: '=Chi phí không quá 5%', subject: 'chi phí', section: '3', kind: 'numeric', comparator: 'at_most', threshold: 5, every: null, by: 2025 },
  ],
};

const units: UnitsReport = {
  units: [
    { id: 'vu-a', code: 'A', name: 'Vụ Tài chính - Kế toán', name_en: 'Department of Finance', kind: 'central', aliases: ['TCKT'] },
    { id: 'bhxh-tinh', name: 'BHXH các tỉnh, thành phố', name_en: 'Provincial offices', kind: 'group' },
  ],
} as UnitsReport;

const TARGETS_TABLE = [
  '9/QĐ-T: 2 targets',
  '┌─────────┬─────────────────────┬───────┬────────────┬─────┐',
  '│ ID      │ Target              │ Rule  │ When       │ §   │',
  '├─────────┼─────────────────────┼───────┼────────────┼─────┤',
  '│ ti-le-a │ Tỷ lệ cán bộ được   │ ≥ 80% │ every year │ 2.1 │',
  '│         │ bồi dưỡng | "đạt"   │       │            │     │',
  '│         │ 80%                 │       │            │     │',
  '├─────────┼─────────────────────┼───────┼────────────┼─────┤',
  '│ chi-phi │ chi phí             │ ≤ 5%  │ by 2025    │ 3   │',
  '└─────────┴─────────────────────┴───────┴────────────┴─────┘',
  '2 targets',
  '',
].join('\n');

describe('targets formatters', () => {
  it('table: grouped by decision, the subject where there is one, wrapped to 60 columns', () => {
    expect(TARGET_FORMATS.table(targets, ctx)).toBe(TARGETS_TABLE);
  });

  it('table with colour: bold heading and headers, nothing else changed', () => {
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    const coloured = TARGETS_TABLE.replace('9/QĐ-T: 2 targets', bold('9/QĐ-T: 2 targets')).replace(
      '│ ID      │ Target              │ Rule  │ When       │ §   │',
      `│ ${bold('ID')}      │ ${bold('Target')}              │ ${bold('Rule')}  │ ${bold('When')}       │ ${bold('§')}   │`,
    );
    expect(TARGET_FORMATS.table(targets, { ...ctx, color: true })).toBe(coloured);
  });

  it('md: the pipe in a cell escaped', () => {
    expect(TARGET_FORMATS.md(targets, ctx)).toBe(
      [
        '| Decision | ID | Section | Target | Rule | When |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 9/QĐ-T | ti-le-a | 2.1 | Tỷ lệ cán bộ được bồi dưỡng \\| "đạt" 80% | ≥ 80% | every year |',
        '| 9/QĐ-T | chi-phi | 3 | =Chi phí không quá 5% | ≤ 5% | by 2025 |',
        '',
      ].join('\n'),
    );
  });

  it('csv: BOM, CRLF, quotes doubled, a formula-like cell neutralised', () => {
    expect(TARGET_FORMATS.csv(targets, ctx)).toBe(
      '\uFEFF' +
        [
          'decision,id,section,kind,comparator,threshold,every,by,subject,text',
          '9/QĐ-T,ti-le-a,2.1,numeric,at_least,80,year,,,"Tỷ lệ cán bộ được bồi dưỡng | ""đạt"" 80%"',
          "9/QĐ-T,chi-phi,3,numeric,at_most,5,,2025,chi phí,'=Chi phí không quá 5%",
          '',
        ].join('\r\n'),
    );
  });

  it('json: the report itself, with schemaVersion first', () => {
    expect(JSON.parse(targetsAsJson(targets, ctx))).toEqual({ schemaVersion: 1, ...targets });
    expect(targetsAsJson(targets, ctx).startsWith('{\n  "schemaVersion": 1,\n  "targets": [\n    {\n      "decision": "9/QĐ-T",')).toBe(true);
  });

  it('table: a report without targets says so', () => {
    expect(TARGET_FORMATS.table({ targets: [] }, ctx)).toBe('No target statements.\n');
  });
});

describe('units formatters', () => {
  it('table: names wrapped on word boundaries, the count under it', () => {
    expect(UNIT_FORMATS.table(units, ctx)).toBe(
      [
        '┌───────────┬──────┬──────────────┬──────────────┬─────────┐',
        '│ ID        │ Code │ Name         │ English name │ Kind    │',
        '├───────────┼──────┼──────────────┼──────────────┼─────────┤',
        '│ vu-a      │ A    │ Vụ Tài chính │ Department   │ central │',
        '│           │      │ - Kế toán    │ of Finance   │         │',
        '├───────────┼──────┼──────────────┼──────────────┼─────────┤',
        '│ bhxh-tinh │      │ BHXH các     │ Provincial   │ group   │',
        '│           │      │ tỉnh, thành  │ offices      │         │',
        '│           │      │ phố          │              │         │',
        '└───────────┴──────┴──────────────┴──────────────┴─────────┘',
        '2 units',
        '',
      ].join('\n'),
    );
  });

  it('json: the contract fields, nulls and empty lists where nothing is given', () => {
    expect(JSON.parse(unitsAsJson(units, ctx))).toEqual({
      schemaVersion: 1,
      units: [
        { id: 'vu-a', code: 'A', name: 'Vụ Tài chính - Kế toán', nameEn: 'Department of Finance', kind: 'central', aliases: ['TCKT'], tags: [], parent: null },
        { id: 'bhxh-tinh', code: null, name: 'BHXH các tỉnh, thành phố', nameEn: 'Provincial offices', kind: 'group', aliases: [], tags: [], parent: null },
      ],
    });
  });
});
