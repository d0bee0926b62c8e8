// Property: recording progress in any valid plan file changes only the edited node's bytes,
// leaves a file that validates, and records exactly what was asked.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/load/check-files.js';
import { dutyEdit, editNode, taskEdit, type Recording } from '../../src/edit/record-progress.js';
import type { DecisionFile, Task } from '../../src/model/decision.js';

const REGISTRIES = ['units.yaml', 'leaders.yaml'].map((f) => ({
  path: `test/fixtures/status/plans/${f}`,
  bytes: readFileSync(new URL(`../fixtures/status/plans/${f}`, import.meta.url)),
}));

const WORDS = ['Xây', 'dựng', 'kế', 'hoạch', 'BHXH,', 'năm', '2024;', 'đề', 'án', 'Thông', 'tư', 'số', '01/NQ-CP', 'và', 'đơn', 'vị.'];
const ODD = ['a: b', '#1', "it's", '"trích"', '- ý', '[x]', '{y}', '%p', '@z', '&a', '*b', '!c', '|', '>', 'x #y', '? q', ': r', '\'', '`'];
const DUES = ['Tháng 3/2024', 'Quý II/2024', 'Năm 2024', 'Thường xuyên', 'Hằng năm', 'Sau khi Bộ X ban hành Thông tư'];

type Style = 'plain' | 'single' | 'double' | 'folded' | 'literal';

interface TaskSpec {
  words: string[];
  style: Style;
  due: string;
  useWhen: boolean;
  leader: boolean;
  support: 'none' | 'id' | 'block' | 'flow';
  status: 'none' | 'flow' | 'block' | 'block-flow-notes' | 'cancelled';
  trailingComment: boolean;
  commentBefore: boolean;
  blankAfter: boolean;
}

interface FileSpec {
  step: 2 | 4;
  indentSeq: boolean;
  wideGap: boolean;
  crlf: boolean;
  finalNewline: boolean;
  tasks: TaskSpec[];
  duty: 'none' | 'absent' | 'block' | 'flow';
}

const taskSpec: fc.Arbitrary<TaskSpec> = fc.record({
  words: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) }), { minLength: 1, maxLength: 14 }),
  style: fc.constantFrom<Style>('plain', 'single', 'double', 'folded', 'literal'),
  due: fc.constantFrom(...DUES),
  useWhen: fc.boolean(),
  leader: fc.boolean(),
  support: fc.constantFrom('none', 'id', 'block', 'flow'),
  status: fc.constantFrom('none', 'flow', 'block', 'block-flow-notes', 'cancelled'),
  trailingComment: fc.boolean(),
  commentBefore: fc.boolean(),
  blankAfter: fc.boolean(),
});

const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  step: fc.constantFrom<2 | 4>(2, 4),
  indentSeq: fc.boolean(),
  wideGap: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  tasks: fc.array(taskSpec, { minLength: 1, maxLength: 5 }),
  duty: fc.constantFrom('none', 'absent', 'block', 'flow'),
});

/** A scalar in one of YAML's styles, at a key indented `col` columns, continuing at `col + step`. */
function scalar(text: string, style: Style, col: number, step: number): string {
  const plainSafe = stringify(text, { lineWidth: 0 }) === `${text}\n`;
  const pad = ' '.repeat(col + step);
  switch (style === 'plain' && !plainSafe ? 'double' : style) {
    case 'plain':
      return text;
    case 'single':
      return `'${text.replace(/'/g, "''")}'`;
    case 'double':
      return JSON.stringify(text);
    case 'folded':
    case 'literal': {
      const words = text.split(' ');
      const lines: string[] = [];
      for (let i = 0; i < words.length; i += 4) lines.push(words.slice(i, i + 4).join(' '));
      return `${style === 'folded' ? '>-' : '|-'}\n${lines.map((l) => pad + l).join('\n')}`;
    }
  }
  return text;
}

function render(spec: FileSpec): string {
  const s = spec.step;
  const gap = spec.wideGap ? s : 2;
  const seqDash = (keyCol: number) => keyCol + (spec.indentSeq ? s : 0);
  const lines: string[] = ['# yaml-language-server: $schema=./schema/decision.schema.json', '# Sinh ngẫu nhiên.'];
  const p = (n: number) => ' '.repeat(n);
  lines.push('decision:', `${p(s)}number: 777/QĐ-PROP   # số`, `${p(s)}title: "Kế hoạch thử"`, `${p(s)}issuer: Bảo hiểm xã hội Việt Nam`);
  lines.push(`${p(s)}signed: 2023-01-10`, `${p(s)}signer: Nguyễn Văn Ba`, `${p(s)}term: 2023 - 2025`, '');
  const d1 = seqDash(0);
  const k1 = d1 + gap;
  lines.push('sections:', `${p(d1)}-${p(gap - 1)}no: "1"`, `${p(k1)}lead: vu-a`, `${p(k1)}tasks:`);
  const d2 = seqDash(k1);
  const k2 = d2 + gap;
  spec.tasks.forEach((t, i) => {
    if (t.commentBefore) lines.push(`${p(d2)}# nhiệm vụ ${i + 1}`);
    lines.push(`${p(d2)}-${p(gap - 1)}id: "1.${i + 1}"`);
    lines.push(`${p(k2)}content: ${scalar(t.words.join(' '), t.style, k2, s)}`);
    if (t.support === 'id') lines.push(`${p(k2)}support: bhxh-tinh`);
    if (t.support === 'flow') lines.push(`${p(k2)}support: { units: [vu-b, bhxh-tinh], as_written: "Vụ B; BHXH các tỉnh" }`);
    if (t.support === 'block') lines.push(`${p(k2)}support:`, `${p(k2 + s)}units: [vu-b]`, `${p(k2 + s)}as_written: Vụ B và các đơn vị`);
    lines.push(`${p(k2)}${t.useWhen ? 'when' : 'due'}: ${t.due}${t.trailingComment ? '   # hạn' : ''}`);
    if (t.leader) lines.push(`${p(k2)}leader: ld-mot`);
    const notesDash = seqDash(k2 + s);
    if (t.status === 'flow') lines.push(`${p(k2)}status: { state: not-started }`);
    if (t.status === 'block') lines.push(`${p(k2)}status:`, `${p(k2 + s)}state: in-progress  # đang làm`, `${p(k2 + s)}notes:`, `${p(notesDash)}-${p(gap - 1)}on: 2024-01-02`, `${p(notesDash + gap)}note: 'bắt đầu: "A"'`);
    if (t.status === 'block-flow-notes') lines.push(`${p(k2)}status:`, `${p(k2 + s)}state: in-progress`, `${p(k2 + s)}notes: [{ on: 2024-01-02, note: x }]`);
    if (t.status === 'cancelled') lines.push(`${p(k2)}status:`, `${p(k2 + s)}state: cancelled`, `${p(k2 + s)}on: 2024-02-01`, `${p(k2 + s)}reason: Gộp`);
    if (t.blankAfter) lines.push('');
  });
  if (spec.duty !== 'none') {
    const d = seqDash(0);
    const k = d + gap;
    lines.push('', 'reporting:', `${p(d)}-${p(gap - 1)}id: bao-cao`, `${p(k)}text: Báo cáo hằng năm.`, `${p(k)}to: vu-b`, `${p(k)}due: ["trước ngày 15 tháng 11"]`);
    if (spec.duty === 'block') lines.push(`${p(k)}submitted:`, `${p(seqDash(k))}-${p(gap - 1)}period: "2023"`, `${p(seqDash(k) + gap)}on: 2023-11-10`);
    if (spec.duty === 'flow') lines.push(`${p(k)}submitted: [{ period: "2023", on: 2023-11-10 }]`);
  }
  const text = lines.join('\n') + (spec.finalNewline ? '\n' : '');
  return spec.crlf ? text.replace(/\n/g, '\r\n') : text;
}

type Target = { kind: 'task'; index: number; rec: Recording } | { kind: 'duty'; period: string; on: string };

const DAY = fc.integer({ min: 0, max: 1000 }).map((n) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10));
const NOTE = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...ODD)), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
  fc.constantFrom('dòng một\ndòng hai', '  lề trái', 'cuối ', '"', "'", 'null', '2024', 'yes', '~', '- a', '#', 'a\tb'),
);

function targetFor(spec: FileSpec): fc.Arbitrary<Target> {
  const taskTarget = fc.integer({ min: 0, max: spec.tasks.length - 1 }).chain((index) => {
    const due = spec.tasks[index]!.due;
    const recs: fc.Arbitrary<Recording>[] = [
      DAY.map((on) => ({ kind: 'done' as const, on })),
      fc.tuple(DAY, fc.option(NOTE, { nil: undefined })).map(([on, reason]) => (reason === undefined ? { kind: 'cancel' as const, on } : { kind: 'cancel' as const, on, reason })),
      fc.tuple(DAY, NOTE).map(([on, note]) => ({ kind: 'progress' as const, on, note })),
    ];
    if (due.startsWith('Sau khi')) recs.push(fc.tuple(DAY, fc.constantFrom(undefined, '3 tháng', '30 ngày')).map(([on, within]) => (within ? { kind: 'occurred' as const, on, within } : { kind: 'occurred' as const, on })));
    if (due === 'Hằng năm') recs.push(fc.tuple(fc.constantFrom('2023', '2024', '2025'), DAY).map(([period, on]) => ({ kind: 'done-period' as const, period, on })));
    return fc.oneof(...recs).map((rec): Target => ({ kind: 'task', index, rec }));
  });
  if (spec.duty === 'none') return taskTarget;
  return fc.oneof(taskTarget, fc.tuple(fc.constantFrom('2023', '2024', '2025'), DAY).map(([period, on]): Target => ({ kind: 'duty', period, on })));
}

function check(text: string) {
  return checkFiles([...REGISTRIES, { path: 'test/fixtures/status/plans/qd-777-prop.yaml', bytes: Buffer.from(text, 'utf8') }]);
}

function decisionOf(text: string): DecisionFile {
  const r = check(text);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`does not validate: ${errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('; ')}\n${text}`);
  return r.files.find((f) => f.kind === 'decision')!.data as DecisionFile;
}

const nfc = (s: string) => s.normalize('NFC');

/** What the task should read after the record, worked out here rather than by the code under test. */
/** The day an in-progress task is dated from, worked out from the file as parsed (as record.ts does from the plans). */
function sinceOf(task: Task): string | null {
  if (task.status?.state !== 'in-progress') return null;
  return task.status.on ?? (task.status.notes ?? []).reduce<string | null>((a, n) => (a === null || n.on < a ? n.on : a), null);
}

function expectedTask(before: Task, rec: Recording): Task {
  const status = { ...(before.status ?? { state: 'not-started' as const }) };
  switch (rec.kind) {
    case 'done':
      return { ...before, status: { ...status, state: 'done', on: rec.on, reason: undefined } };
    case 'cancel':
      return { ...before, status: { ...status, state: 'cancelled', on: rec.on, reason: rec.reason === undefined ? status.reason : nfc(rec.reason) } };
    case 'progress': {
      const notes = status.notes ?? [];
      const note = { on: rec.on, note: nfc(rec.note) };
      const has = notes.some((n) => n.on === note.on && n.note === note.note);
      // A task set in progress is dated from its earliest note (issue 9, defect 12).
      const since = sinceOf(before);
      const on = status.state === 'not-started' ? rec.on : status.state === 'in-progress' ? (since !== null && since < rec.on ? since : rec.on) : status.on;
      return { ...before, status: { ...status, state: status.state === 'not-started' ? 'in-progress' : status.state, on, notes: has ? notes : [...notes, note] } };
    }
    case 'occurred':
      return { ...before, occurred: rec.on, within: rec.within ?? before.within };
    case 'done-period': {
      const periods = (status.done_periods ?? []).filter((p) => p.period !== rec.period);
      const at = (status.done_periods ?? []).findIndex((p) => p.period === rec.period);
      const entry = { period: rec.period, on: rec.on };
      const list = at >= 0 ? (status.done_periods ?? []).map((p) => (p.period === rec.period ? entry : p)) : [...periods, entry];
      return { ...before, status: { ...status, state: before.status ? status.state : 'in-progress', done_periods: list } };
    }
  }
}

/** JSON round trip drops keys whose value is undefined, as YAML has no such key. */
const plain = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));

describe('recording progress in random plan files', () => {
  it('changes only the edited node, validates, and records what was asked', () => {
    fc.assert(
      fc.property(
        fileSpec.chain((spec) => fc.tuple(fc.constant(spec), targetFor(spec))),
        ([spec, target]) => {
          const text = render(spec);
          const before = decisionOf(text);
          const path = target.kind === 'task' ? ['sections', 0, 'tasks', target.index] : ['reporting', 0];
          // The node's range, found independently of the code under test.
          const range = (parseDocument(text).getIn(path, true) as { range: [number, number, number] }).range;
          const edit =
            target.kind === 'task' ? taskEdit(target.rec, before.sections![0]!.tasks![target.index]!.status?.state ?? null, sinceOf(before.sections![0]!.tasks![target.index]!)) : dutyEdit(target.period, target.on);
          const out = editNode(text, path, edit).text;

          expect(out.slice(0, range[0])).toBe(text.slice(0, range[0]));
          expect(out.slice(out.length - (text.length - range[2]))).toBe(text.slice(range[2]));
          if (spec.crlf) expect(out.replace(/\r\n/g, '')).not.toContain('\n');

          const after = decisionOf(out);
          if (target.kind === 'task') {
            const tasks = before.sections![0]!.tasks!;
            expect(plain(after.sections![0]!.tasks![target.index])).toEqual(plain(expectedTask(tasks[target.index]!, target.rec)));
            expect(plain(after.sections![0]!.tasks!.filter((_, i) => i !== target.index))).toEqual(plain(tasks.filter((_, i) => i !== target.index)));
            expect(plain(after.reporting)).toEqual(plain(before.reporting));
          } else {
            const submitted = before.reporting![0]!.submitted ?? [];
            const entry = { period: target.period, on: target.on };
            const want = submitted.some((x) => x.period === target.period) ? submitted.map((x) => (x.period === target.period ? entry : x)) : [...submitted, entry];
            expect(after.reporting![0]!.submitted).toEqual(want);
            expect(plain(after.sections)).toEqual(plain(before.sections));
          }
          expect(plain(after.decision)).toEqual(plain(before.decision));
        },
      ),
      // Seeded: the same 300 files every run, so a failure is reproducible (FC_SEED picks another set).
      { numRuns: Number(process.env['FC_RUNS'] ?? 300), seed: Number(process.env['FC_SEED'] ?? 20240130) },
    );
  });
});
