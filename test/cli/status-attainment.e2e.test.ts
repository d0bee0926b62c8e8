// plan status with the target summary, end to end: measured from the bundled sample data (the
// datasets' default files) for the year of --as-of, left out with --no-attainment, and "no data"
// with the reason (exit 0) when a data file cannot be read.

import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2025-12-31'];

interface AttainmentJson {
  summary: { total: number; met: number; notMet: number; inProgress: number; noData: number };
  targets: { decision: string; id: string; status: string; needed: number | string | null }[];
}

interface StatusJson {
  attainment?: {
    asOf: string;
    total: number;
    met: number;
    notMet: number;
    inProgress: number;
    noData: number;
    decisions: { decision: string; total: number }[];
    unmet: { decision: string; id: string; needed: number | string | null }[];
    unread: { dataset: string; file: string; reason: string }[];
  };
}

async function attainment(...args: string[]): Promise<AttainmentJson> {
  const r = await runMain(['attainment', ...AS_OF, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as AttainmentJson;
}

describe('plan status with data present', () => {
  it('shows the summary plan attainment computes for the same day', async () => {
    const expected = await attainment();
    // Piped output is 80 columns wide unless COLUMNS says otherwise; these lines are checked whole.
    const r = await runMain(['status', ...AS_OF, '--full', '--lang', 'en'], { env: { COLUMNS: '100' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = expected.summary;
    expect(r.stdout).toContain(`\nTargets\n  ${s.total} targets (as of 2025-12-31): ${s.met} met · ${s.notMet} not met · ${s.inProgress} in progress · ${s.noData} no data\n`);
    const unmet = expected.targets.filter((t) => t.status === 'not-met');
    expect(unmet.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`Not met (${unmet.length})`);
    for (const t of unmet) expect(r.stdout).toMatch(new RegExp(`${t.decision} ${t.id} +[\\d.]+% against `));
  });

  it('JSON: the counts and each target not met with what it needs', async () => {
    const expected = await attainment();
    const json = JSON.parse((await runMain(['status', ...AS_OF, '--format', 'json'])).stdout) as StatusJson;
    expect(json.attainment).toMatchObject({ asOf: '2025-12-31', ...expected.summary, unread: [] });
    expect(json.attainment!.unmet.map((u) => [u.decision, u.id, u.needed])).toEqual(expected.targets.filter((t) => t.status === 'not-met').map((t) => [t.decision, t.id, t.needed]));
  });

  it('--decision narrows the targets to that decision', async () => {
    const expected = await attainment('--decision', '456/QĐ-BHXH');
    const json = JSON.parse((await runMain(['status', ...AS_OF, '--decision', '456', '--format', 'json'])).stdout) as StatusJson;
    expect(json.attainment!.decisions.map((d) => d.decision)).toEqual(['456/QĐ-BHXH']);
    expect(json.attainment!.total).toBe(expected.summary.total);
  });

  it('evaluates yearly targets for the year of --as-of, leaving out decisions not yet issued', async () => {
    const expected = await attainment('--as-of', '2024-12-31');
    const json = JSON.parse((await runMain(['status', '--as-of', '2024-12-31', '--format', 'json'])).stdout) as StatusJson & { notYetIssued?: { decision: string }[] };
    expect(json.attainment).toMatchObject({ asOf: '2024-12-31', ...expected.summary });
    // 185/QĐ-BHXH is signed on 2025-01-24: not yet issued at the end of 2024, so neither counts its targets,
    // which a year later both do.
    expect(json.notYetIssued?.map((d) => d.decision)).toEqual(['185/QĐ-BHXH']);
    expect(expected.targets.some((t) => t.decision === '185/QĐ-BHXH')).toBe(false);
    expect((await attainment()).targets.some((t) => t.decision === '185/QĐ-BHXH')).toBe(true);
  });

  it('--no-attainment leaves it out in every format', async () => {
    for (const format of ['table', 'md', 'csv', 'json']) {
      const r = await runMain(['status', ...AS_OF, '--no-attainment', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/Targets|target-count|"attainment"/);
    }
  });

  it('a data file that does not exist: no data with the reason on stdout, the finding on stderr, exit 0', async () => {
    const r = await runMain(['status', ...AS_OF, '--staff', 'missing.csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no data from staff: the file missing.csv does not exist');
    expect(r.stderr).toContain('error DATA_FILE_MISSING no file for dataset staff: missing.csv does not exist');
    // The coverage and budget figures are still read and measured.
    const json = JSON.parse((await runMain(['status', ...AS_OF, '--staff', 'missing.csv', '--format', 'json'])).stdout) as StatusJson;
    expect(json.attainment!.unread).toEqual([{ dataset: 'staff', file: 'missing.csv', reason: 'the file missing.csv does not exist' }]);
    expect(json.attainment!.met + json.attainment!.notMet).toBeGreaterThan(0);
  });

  it('nothing readable at all: "no data" and the reasons', async () => {
    const r = await runMain(['status', ...AS_OF, '--staff', 'missing.csv', '--data', 'coverage=none.csv', '--data', 'budget=none2.csv', '--decision', '1320', '--lang', 'en'], { env: { COLUMNS: '100' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ targets \(as of 2025-12-31\): no data \(coverage: the file none\.csv does not exist\)/);
  });

  it('bad rows go to stderr as with plan attainment, and status still exits 0', async () => {
    const r = await runMain(['status', ...AS_OF, '--staff', 'test/fixtures/attainment/bad/unknown-unit.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/unknown-unit\.csv: row 2, column 2 \(unit\): error ROW_UNIT_UNKNOWN unit: unit "vu-a" is not in the registry/);
    expect(r.stderr).toMatch(/plan: test\/fixtures\/attainment\/bad\/unknown-unit\.csv: 2 bad rows excluded \(2 ROW_UNIT_UNKNOWN\)/);
  });

  it('--data with an unknown dataset is still a usage error (exit 2)', async () => {
    const r = await runMain(['status', ...AS_OF, '--data', 'coverag=x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no dataset "coverag"; did you mean "coverage"\?/);
  });
});

describe('plan status without data', () => {
  it('plans with no dataset files show no target summary and read nothing', async () => {
    const r = await runMain(['status', '--plans', 'test/fixtures/status/plans', ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).not.toHaveProperty('attainment');
  });
});
