import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import { buildAppendixReport } from '../../src/report/appendix-tables.js';
import type { AttainmentReport } from '../../src/report/attainment/attainment.js';
import { summariseAttainment } from '../../src/report/attainment/summary.js';
import { buildOverdueReport } from '../../src/report/overdue.js';
import { buildReportDocument } from '../../src/report/report.js';
import { buildStatusReport } from '../../src/report/status.js';
import { loadFixturePlans, STATUS_PLANS } from '../helpers/plans.js';

const ASOF = '2025-11-20';
const attainment = (asOf: string): AttainmentReport => ({ asOf, year: null, by: null, minCell: 5, targets: [], data: { reads: [], issues: [], issueCounts: [] } });

let plans: PlanSet;
beforeAll(async () => {
  plans = await loadFixturePlans(STATUS_PLANS);
});

describe('buildReportDocument', () => {
  it.each([7, 30, 90])('is the status, overdue and appendix reports as they are (within %i days)', (within) => {
    const a = attainment(ASOF);
    const doc = buildReportDocument(plans, { asOf: ASOF, within, sel: {}, attainment: a });
    expect(doc.status).toEqual({ ...buildStatusReport(plans, ASOF, {}, { within }), attainment: summariseAttainment(a) });
    expect(doc.overdue).toEqual(buildOverdueReport(plans, ASOF, {}, within));
    expect(doc.appendices).toEqual(plans.decisions.map((d) => (buildAppendixReport(plans, d, { asOf: ASOF, within }) as { report: unknown }).report));
    expect(doc.attainment).toBe(a);
    expect(doc.decision).toBeNull();
  });

  it('one decision: every part narrowed to it, and the document names it', () => {
    const d = plans.decisions[1]!;
    const doc = buildReportDocument(plans, { asOf: ASOF, within: 30, sel: { decisions: new Set([d.key]) }, attainment: attainment(ASOF) });
    expect(doc.decision).toEqual({ number: d.number, key: d.key, title: d.meta.title });
    expect(doc.status.decisions.map((x) => x.decision)).toEqual([d.number]);
    // The fixture's 901/QĐ-TEST has one task due Tháng 10/2025 ("20 days overdue as of 2025-11-20") and a yearly duty due 31 December.
    expect(d.number).toBe('901/QĐ-TEST');
    expect(doc.overdue.items.map((i) => `${i.decision} ${i.id} ${i.daysLate}`)).toEqual(['901/QĐ-TEST 1.1 20']);
    expect(doc.appendices.map((r) => r.decision.number)).toEqual([d.number]);
    expect(doc.status.filter.decision).toBe(d.number);
  });
});
