// load/rules/measures.ts on its own: one target per case, checked with the other plan files of
// test/fixtures/measures/plans, through checkPlanContents (no CLI, no directory walk). Each case
// names the finding the rule must make, worked out from the dataset definitions by hand.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanContents } from '../../src/load/load-plans.js';
import { ROOT } from '../helpers/plans.js';

const BASE = 'test/fixtures/measures/plans';
const base = ['units.yaml', 'leaders.yaml', 'datasets.yaml'].map((f) => ({ path: `${BASE}/${f}`, bytes: readFileSync(join(ROOT, BASE, f)) }));

function decision(measure: string): { path: string; bytes: Buffer } {
  const text = [
    'decision:',
    '  number: 7/QĐ-RULE',
    '  title: Thử quy tắc',
    '  issuer: Bảo hiểm xã hội Việt Nam',
    '  signed: 2024-01-05',
    '  signer: Nguyễn Văn A',
    '  term: 2024 - 2025',
    'targets:',
    '  - id: t',
    '    text: Chỉ tiêu.',
    '    section: "1"',
    '    comparator: at_least',
    '    threshold: 80',
    '    every: year',
    `    measure: ${measure}`,
    '',
  ].join('\n');
  return { path: `${BASE}/qd-7-rule.yaml`, bytes: Buffer.from(text) };
}

async function findings(measure: string) {
  const r = await checkPlanContents([...base, decision(measure)]);
  return r.diagnostics.filter((d) => d.file.endsWith('qd-7-rule.yaml')).map((d) => ({ code: d.code, message: d.message, hint: d.hint ?? null }));
}

describe('measuresResolve', () => {
  it.each([
    ['a column the dataset has not', '{ people: staff, population: { categroy: cong-chuc }, achieved: { manager: true } }', 'FIELD_UNKNOWN', 'did you mean "category"?'],
    ['a dataset that does not exist', '{ people: staf, achieved: { manager: true } }', 'DATASET_UNKNOWN', 'did you mean "staff"?'],
    ['a unit level that does not exist', '{ people: staff, population: { unit: { level: provinse } }, achieved: { manager: true } }', 'VALUE_UNKNOWN', 'did you mean "province"?'],
    ['a text column compared by size', '{ people: staff, achieved: { category: ">= cong-chuc" } }', 'OPERATOR_INVALID', null],
    ['a training topic that does not exist', '{ people: staff, achieved: { trained: { topic: phap-luatt } } }', 'TOPIC_UNKNOWN', 'did you mean "phap-luat"?'],
  ])('%s → %s', async (_name, measure, code, hint) => {
    const got = await findings(measure);
    expect(got.map((d) => d.code)).toEqual([code]);
    expect(got[0]!.hint).toBe(hint);
  });

  it('a measure that names what exists makes no finding', async () => {
    expect(await findings('{ people: staff, population: { category: cong-chuc }, achieved: { english_level: ">= 4" } }')).toEqual([]);
  });
});
