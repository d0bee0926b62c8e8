// The bundled plans against their source texts (../shared/seeds): every encoded text occurs in its
// source, and no row of a source table is missing.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DecisionFile, Group } from '../../src/model/decision.js';
import { seedText, squeeze } from '../helpers/seeds.js';

const decisions = readdirSync('plans')
  .filter((f) => f.startsWith('qd-') && f.endsWith('.yaml'))
  .map((f) => ({ file: f, data: parse(readFileSync(`plans/${f}`, 'utf8')) as DecisionFile }));

function asWritten(ref: unknown): string[] {
  return ref !== null && typeof ref === 'object' && 'as_written' in ref ? [String((ref as { as_written: string }).as_written)] : [];
}

/** Every text of a decision file that must stand in the source, with where it is. */
function verbatimTexts(d: DecisionFile): [where: string, text: string][] {
  const out: [string, string][] = [];
  const groups: [string, Group][] = [
    ...(d.appendices ?? []).flatMap((a) => a.groups.map((g): [string, Group] => [`${a.id} group ${g.no}`, g])),
    ...(d.sections ?? []).map((g): [string, Group] => [`section ${g.no}`, g]),
  ];
  for (const [where, g] of groups) {
    if (g.title) out.push([`${where} title`, g.title]);
    for (const r of asWritten(g.lead)) out.push([`${where} lead`, r]);
    for (const t of g.tasks ?? []) {
      const at = `${where} task ${t.id}`;
      out.push([`${at} content`, t.content]);
      if (t.product) out.push([`${at} product`, t.product]);
      for (const key of ['start', 'due', 'when'] as const) if (t[key]) out.push([`${at} ${key}`, t[key]!]);
      for (const ref of [t.lead, t.support, t.leader]) for (const r of asWritten(ref)) out.push([`${at} cell`, r]);
    }
    for (const c of g.contents ?? []) {
      out.push([`${where} row ${c.id}`, c.content]);
      out.push([`${where} row ${c.id} mode`, c.mode]);
    }
  }
  for (const a of d.appendices ?? []) for (const col of a.columns) out.push([`${a.id} header ${col.field}`, col.header]);
  for (const t of d.targets ?? []) {
    out.push([`target ${t.id}`, t.text]);
    if (t.subject) out.push([`target ${t.id} subject`, t.subject]);
  }
  for (const r of d.reporting ?? []) {
    out.push([`reporting ${r.id}`, r.text]);
    for (const ref of [r.from, r.to]) for (const w of asWritten(ref)) out.push([`reporting ${r.id} cell`, w]);
  }
  return out;
}

describe.each(decisions)('$file', ({ data }) => {
  const source = seedText(data.decision.source!);
  const squeezed = squeeze(source);

  it('names its source text', () => {
    expect(data.decision.source).toMatch(/^qd-.*\.txt$/);
    expect(squeezed).toContain(squeeze(data.decision.number));
  });

  it('holds every task, content row, target sentence, cell and time phrase verbatim', () => {
    // Headings the document prints in capitals are encoded in sentence case: compare those without case.
    const missing = verbatimTexts(data).filter(([where, text]) =>
      where.endsWith(' title') ? !squeezed.toLowerCase().includes(squeeze(text).toLowerCase()) : !squeezed.includes(squeeze(text)),
    );
    expect(missing).toEqual([]);
  });

  it("keeps each reporting duty's deadlines as the source writes them", () => {
    for (const r of data.reporting ?? []) for (const due of r.due) expect(squeezed.toLowerCase()).toContain(squeeze(due).toLowerCase());
  });
});

/** Lines of a source between two markers, trimmed. */
function between(file: string, start: RegExp, end: RegExp): string[] {
  const lines = seedText(file).split('\n').map((l) => l.trim());
  const from = lines.findIndex((l) => start.test(l));
  const to = lines.findIndex((l, i) => i > from && end.test(l));
  expect(from).toBeGreaterThanOrEqual(0);
  return lines.slice(from + 1, to < 0 ? undefined : to);
}

/** The line where a group row's title starts (its text may wrap onto the next lines), from `from` on. */
function titleLine(lines: string[], title: string, from = 0): number {
  const head = squeeze(title);
  return lines.findIndex((_, i) => i >= from && squeeze(lines.slice(i, i + 4).join('')).startsWith(head));
}

function plan(file: string): DecisionFile {
  return decisions.find((d) => d.file === file)!.data;
}

function countsOf(groups: Group[]): Record<string, number> {
  return Object.fromEntries(groups.map((g) => [g.no, (g.tasks?.length ?? 0) + (g.contents?.length ?? 0)]));
}

describe('no row of a source table is missing (count per group)', () => {
  it('88/QĐ-BHXH: tasks per lead unit, and the total', () => {
    const lines = between('qd-88-bhxh-2024-key-tasks.txt', /^DANH MỤC$/, /^TỔNG SỐ$/);
    const perGroup: Record<string, number> = {};
    for (const l of lines) {
      const m = /^(\d+)\.\d+$/.exec(l);
      if (m) perGroup[m[1]!] = (perGroup[m[1]!] ?? 0) + 1;
    }
    const groups = plan('qd-88-bhxh-2024.yaml').appendices![0]!.groups;
    expect(countsOf(groups)).toEqual(perGroup);
    expect(Object.keys(perGroup)).toHaveLength(17);
    // The declared counts are the numbers the document prints under each unit.
    const declared = groups.map((g) => g.declared_count);
    let from = 0;
    const printed = groups.map((g) => {
      from = titleLine(lines, g.title!, from + 1);
      expect(lines[from - 1]).toBe(g.no);
      return Number(lines.slice(from + 1).find((l) => /^\d+$/.test(l)));
    });
    expect(declared).toEqual(printed);
  });

  it('456/QĐ-BHXH Phụ lục I: training contents per area', () => {
    const lines = between('qd-456-bhxh-2022-training-plan.txt', /^PHỤ LỤC I$/, /^PHỤ LỤC II$/);
    const perGroup: Record<string, number> = {};
    let group = '';
    for (const l of lines) {
      if (/^[IVX]+$/.test(l)) group = l;
      else if (/^\d+$/.test(l) && group) perGroup[group] = (perGroup[group] ?? 0) + 1;
    }
    expect(Object.keys(perGroup)).toHaveLength(9);
    expect(countsOf(plan('qd-456-bhxh-2022.yaml').appendices!.find((a) => a.label === 'PHỤ LỤC I')!.groups)).toEqual(perGroup);
  });

  it('456/QĐ-BHXH Phụ lục II: tasks per group, counted by their period cells', () => {
    const lines = between('qd-456-bhxh-2022-training-plan.txt', /^PHỤ LỤC II$/, /^Tải Văn bản/);
    const groups = plan('qd-456-bhxh-2022.yaml').appendices!.find((a) => a.label === 'PHỤ LỤC II')!.groups;
    // Group rows are found by their titles; every task row ends with its "Thời gian thực hiện" cell.
    let from = 0;
    const starts = groups.map((g) => (from = titleLine(lines, g.title!, from + 1)));
    expect(starts.every((s, i) => s > 0 && (i === 0 || s > starts[i - 1]!))).toBe(true);
    const perGroup = Object.fromEntries(
      groups.map((g, i) => [g.no, lines.slice(starts[i], starts[i + 1]).filter((l) => /^20\d\d( - 20\d\d)?$/.test(l)).length]),
    );
    expect(countsOf(groups)).toEqual(perGroup);
    expect(Object.values(perGroup).reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('185/QĐ-BHXH: tasks per group', () => {
    const lines = between('qd-185-bhxh-2025-digital-transformation.txt', /^PHỤ LỤC$/, /^Tải Văn bản/);
    const perGroup: Record<string, number> = {};
    for (const l of lines) {
      const m = /^(\d+)\.\d+$/.exec(l);
      if (m) perGroup[m[1]!] = (perGroup[m[1]!] ?? 0) + 1;
    }
    expect(countsOf(plan('qd-185-bhxh-2025.yaml').appendices![0]!.groups)).toEqual(perGroup);
    expect(Object.values(perGroup).reduce((a, b) => a + b, 0)).toBe(22);
  });

  it('1320/QĐ-BHXH: the ten task areas of section II', () => {
    const lines = between('qd-1320-bhxh-2020-action-program-2021-2025.txt', /^II\. NHIỆM VỤ, GIẢI$/, /^III\. TỔ CHỨC THỰC HIỆN$/);
    const areas = lines.filter((l) => /^\d+\. /.test(l)).length;
    expect(areas).toBe(10);
    expect(plan('qd-1320-bhxh-2020.yaml').sections!.find((s) => s.no === 'II')!.tasks).toHaveLength(areas);
  });

  it('146/QĐ-TTg: the lettered duties of each body in section V', () => {
    const lines = between('qd-146-ttg-2016-integration-strategy.txt', /^V\. TỔ CHỨC THỰC HIỆN$/, /^Điều$/);
    const perBody: number[] = [];
    for (const l of lines) {
      if (/^\d\.$|^\d\. \S/.test(l)) perBody.push(0);
      else if (/^[a-zđ]\)/.test(l) && perBody.length > 0) perBody[perBody.length - 1]!++;
    }
    const sections = plan('qd-146-ttg-2016.yaml').sections!;
    // Milestone tasks split out of a duty show no letter of their own (no: "").
    expect(sections.map((s) => (s.tasks ?? []).filter((t) => t.no !== '').length)).toEqual(perBody);
    expect(perBody).toEqual([5, 4, 4, 5]);
  });
});
