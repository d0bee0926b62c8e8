import { beforeAll, describe, expect, it } from 'vitest';
import { runMain, type RunResult } from '../helpers/cli.js';

interface Target {
  decision: string;
  id: string;
  text: string;
  section: string;
  kind: string;
  comparator: string | null;
  threshold: number | null;
  every: string | null;
  by: number | null;
}

describe('plan targets', () => {
  let r!: RunResult;
  let targets!: Target[];
  beforeAll(async () => {
    r = await runMain(['targets', '--format', 'json']);
    targets = (JSON.parse(r.stdout) as { schemaVersion: number; targets: Target[] }).targets;
  });

  it('lists the target statements of all five decisions', () => {
    expect(r.code).toBe(0);
    const per: Record<string, number> = {};
    for (const t of targets) per[t.decision] = (per[t.decision] ?? 0) + 1;
    expect(per).toEqual({ '146/QĐ-TTg': 13, '1320/QĐ-BHXH': 4, '456/QĐ-BHXH': 13, '185/QĐ-BHXH': 5 });
  });

  it('gives every numeric target a comparator and a threshold that its sentence states', () => {
    for (const t of targets.filter((x) => x.kind === 'numeric')) {
      expect(['at_least', 'at_most', 'more_than'], t.id).toContain(t.comparator);
      expect(t.text.replace(/\s+%/g, '%'), t.id).toContain(`${t.threshold}%`);
    }
  });

  it('reads "tối đa" as at_most, "trên" as more_than and "tối thiểu" as at_least', () => {
    for (const t of targets.filter((x) => x.kind === 'numeric')) {
      const text = t.text.replace(/\s+%/g, '%');
      // The words just before the figure (a sentence may hold several figures, each with its own word).
      const before = text.slice(Math.max(0, text.indexOf(`${t.threshold}%`) - 12), text.indexOf(`${t.threshold}%`)).toLowerCase();
      if (before.includes('tối đa')) expect(t.comparator, t.id).toBe('at_most');
      else if (/trên\s*$/.test(before)) expect(t.comparator, t.id).toBe('more_than');
      else expect(t.comparator, t.id).toBe('at_least');
    }
    expect(targets.filter((t) => t.comparator === 'at_most').map((t) => t.threshold).sort((a, b) => a! - b!)).toEqual([2, 20]);
    expect(targets.filter((t) => t.comparator === 'more_than')).toHaveLength(2);
  });

  it('applies each target every year or by a year, exactly one', () => {
    for (const t of targets) {
      if (t.kind === 'ongoing') continue;
      expect((t.every === 'year') !== (t.by !== null), t.id).toBe(true);
    }
  });

  it('splits compound sentences: one figure, one target, the same sentence', () => {
    const bySentence = new Map<string, Target[]>();
    for (const t of targets) bySentence.set(t.text, [...(bySentence.get(t.text) ?? []), t]);
    const compound = [...bySentence.values()].filter((ts) => ts.length > 1);
    // "50% Thủ trưởng, Phó Thủ trưởng … , 25% Giám đốc, Phó Giám đốc …" is two targets.
    const leaders = compound.find((ts) => ts[0]!.text.includes('50% Thủ trưởng'));
    expect(leaders?.map((t) => t.threshold).sort()).toEqual([25, 50]);
    for (const ts of compound) expect(new Set(ts.map((t) => t.id)).size).toBe(ts.length);
  });

  it('prints a table per decision and filters by decision', async () => {
    const t = await runMain(['targets', '--decision', '1320/QĐ-BHXH'], { env: { COLUMNS: '100' } });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('1320/QĐ-BHXH: 4 chỉ tiêu');
    expect(t.stdout).toContain('≥ 45%');
    expect(t.stdout).not.toContain('456/QĐ-BHXH');
  });

  it('writes CSV and Markdown', async () => {
    const csv = await runMain(['targets', '--format', 'csv']);
    expect(csv.stdout.startsWith('\uFEFFdecision,id,section,kind,comparator,threshold,every,by,subject,text\r\n')).toBe(true);
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(targets.length + 1);
    const md = await runMain(['targets', '--format', 'md']);
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(targets.length + 2);
  });
});
