// Every command that prints words for people, in both languages: with --lang vi no English label
// of the code is left, with --lang en no Vietnamese one. A label counts only where it is not also
// the plans' or the data's own text (that is shown as written in either language): the words of
// the plan files and data are gathered from the JSON outputs, and the labels that occur there are
// left out of the check, with a floor on how many labels are checked.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

const AS_OF = '2025-11-20';
const DECISIONS = ['88/QĐ-BHXH', '456/QĐ-BHXH', '185/QĐ-BHXH', '1320/QĐ-BHXH', '146/QĐ-TTg'];

/** English labels the renderers use (headers, states, statuses, sentences). */
const EN_LABELS = [
  'overdue', 'due soon', 'due in', 'due today', 'in progress', 'not started yet', 'ongoing', 'waiting', 'cancelled', 'done', 'open',
  'met', 'not met', 'no data', 'unreachable', 'Status as of', 'As of', 'as of', 'Overdue', 'Due within', 'Waiting', 'Stale',
  'Reporting duties', 'submitted', 'next, in', 'none left', 'Targets', 'Target', 'Needed', 'Value', 'Goal', 'Threshold', 'Period',
  'Decision', 'Task', 'Tasks', 'tasks', 'targets', 'Lead', 'Leader', 'Support', 'Start', 'Due', 'State', 'Item', 'Report', 'report',
  'Summary', 'Contents', 'Total', 'TOTAL', 'All', 'decisions', 'Name', 'English name', 'Kind', 'Code', 'Rule', 'When', 'every year',
  'so far', 'the period runs', 'no measure', 'Data', 'rows', 'Dataset', 'File', 'suppressed', 'against', 'Plan changes', 'no changes',
  'added', 'removed', 'postponed', 'Subject', 'Count', 'units', 'Nothing matches', 'No tasks', 'days', 'late', 'State as of', 'Finish',
  'Responsible leader', 'Reports to', 'Supporting units', 'Content', 'Was', 'Now', 'Field', 'Title', 'working tree', 'more', 'see plan status',
];

/** Vietnamese labels the renderers use. */
const VI_LABELS = [
  'quá hạn', 'sắp đến hạn', 'còn', 'đến hạn', 'đang thực hiện', 'trong thời hạn', 'chưa đến thời gian bắt đầu', 'thường xuyên', 'chờ sự kiện',
  'đã hủy', 'hoàn thành', 'Hoàn thành', 'đạt', 'chưa đạt', 'Chưa đạt', 'không có dữ liệu', 'Không có dữ liệu', 'chưa hết kỳ', 'Tình hình thực hiện',
  'tính đến', 'Tính đến', 'Quá hạn', 'Đến hạn trong', 'Chờ sự kiện', 'Báo cáo định kỳ', 'đã nộp', 'kỳ', 'Chỉ tiêu', 'chỉ tiêu', 'Còn thiếu',
  'Kết quả', 'Mục tiêu', 'Kỳ đánh giá', 'Quyết định', 'Nội dung', 'nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Lãnh đạo phụ trách', 'Bắt đầu', 'Thời hạn',
  'Tình trạng', 'Mục', 'Báo cáo', 'Tổng hợp', 'Mục lục', 'Tổng cộng', 'TỔNG SỐ', 'Tên', 'Tên tiếng Anh', 'Loại', 'Viết tắt', 'Mức', 'hằng năm',
  'đến năm', 'đến nay', 'Dữ liệu', 'dòng', 'Tệp', 'ẩn', 'so với', 'Thay đổi kế hoạch', 'không có thay đổi', 'thêm', 'lùi', 'Số lượng', 'đơn vị',
  'ngày', 'Đánh giá', 'Trích yếu', 'Mã', 'Lâu chưa cập nhật', 'Không cập nhật từ', 'mục khác', 'kỳ tới', 'Trước', 'Nay', 'Trường', 'Nơi nhận',
];

/** A label as a phrase of its own: not inside a longer word. */
function phrase(label: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
}

/** Text values of a JSON document: words from the files, not codes, ids or ISO days. */
function textValues(json: unknown, out: string[] = []): string[] {
  if (typeof json === 'string') {
    if (!/^[a-z0-9.-]+$/.test(json) && !/^\d{4}-\d{2}-\d{2}$/.test(json)) out.push(json);
  } else if (Array.isArray(json)) for (const x of json) textValues(x, out);
  else if (json && typeof json === 'object') for (const v of Object.values(json)) textValues(v, out);
  return out;
}

let work: string;
let changed: string;
const runs: { name: string; args: string[] }[] = [];

beforeAll(() => {
  // A copy of the plans with changes, for plan diff: a deadline moved, a lead unit changed.
  work = mkdtempSync(join(tmpdir(), 'plan-lang-'));
  changed = join(work, 'plans');
  cpSync(join(ROOT, 'plans'), changed, { recursive: true });
  const f = join(changed, 'qd-88-bhxh-2024.yaml');
  const text = readFileSync(f, 'utf8');
  const moved = text.replace('due: Tháng 01/2024', 'due: Tháng 03/2024');
  expect(moved).not.toBe(text);
  writeFileSync(f, moved);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const asOf = ['--as-of', AS_OF];
const commands: { name: string; args: string[] }[] = [
  { name: 'status', args: ['status', ...asOf] },
  { name: 'status --full', args: ['status', '--full', ...asOf] },
  { name: 'status md', args: ['status', '--format', 'md', ...asOf] },
  { name: 'tasks', args: ['tasks', ...asOf] },
  { name: 'tasks md', args: ['tasks', '--format', 'md', ...asOf] },
  { name: 'overdue', args: ['overdue', '--within', '30', ...asOf] },
  { name: 'overdue md', args: ['overdue', '--within', '30', '--format', 'md', ...asOf] },
  { name: 'targets', args: ['targets'] },
  { name: 'targets md', args: ['targets', '--format', 'md'] },
  { name: 'units', args: ['units'] },
  { name: 'attainment', args: ['attainment', ...asOf] },
  { name: 'attainment md', args: ['attainment', '--format', 'md', ...asOf] },
  { name: 'attainment --by unit', args: ['attainment', '--by', 'unit', '--decision', '456', ...asOf] },
  ...DECISIONS.flatMap((d) => [
    { name: `render ${d}`, args: ['render', d, '--with-status', ...asOf] },
    { name: `render ${d} md`, args: ['render', d, '--with-status', '--format', 'md', ...asOf] },
    { name: `render ${d} html`, args: ['render', d, '--with-status', '--format', 'html', ...asOf] },
  ]),
  { name: 'report md', args: ['report', '--format', 'md', ...asOf] },
  { name: 'report html', args: ['report', '--format', 'html', '--by', 'unit', ...asOf] },
  { name: 'diff', args: ['diff', 'plans', '<changed>'] },
  { name: 'diff md', args: ['diff', 'plans', '<changed>', '--format', 'md'] },
];
runs.push(...commands);

/** The HTML's text: what a reader sees (tags, the stylesheet and attributes are the page's own). */
function visible(out: string, name: string): string {
  if (!name.endsWith('html')) return out;
  return out
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&');
}

describe('every human format in each language', () => {
  let content: string;
  beforeAll(async () => {
    const sources = [
      ['tasks', '--format', 'json', ...asOf],
      ['targets', '--format', 'json'],
      ['units', '--format', 'json'],
      ['status', '--format', 'json', ...asOf],
      ['attainment', '--format', 'json', '--by', 'unit', ...asOf],
      ...DECISIONS.map((d) => ['render', d, '--format', 'json']),
    ];
    const texts: string[] = [];
    for (const args of sources) {
      const r = await runMain(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      textValues(JSON.parse(r.stdout), texts);
    }
    content = texts.join('\n');
    expect(content.length).toBeGreaterThan(100_000);
  }, 120_000);

  it.each([
    ['vi', EN_LABELS, 80],
    ['en', VI_LABELS, 40],
  ] as const)('--lang %s: none of the other language\'s labels', async (lang, labels, floor) => {
    // Labels that are also the files' own words may appear as content; the rest must not appear at all.
    const checked = labels.filter((l) => !phrase(l).test(content));
    expect(checked.length).toBeGreaterThanOrEqual(floor);
    const found: string[] = [];
    for (const c of runs) {
      const args = c.args.map((a) => (a === '<changed>' ? changed : a));
      const r = await runMain([...args, '--lang', lang]);
      expect(r.code, `${c.name}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length, c.name).toBeGreaterThan(50);
      const text = visible(r.stdout, c.name);
      for (const l of checked) {
        const m = phrase(l).exec(text);
        if (m) found.push(`${c.name}: "${l}" in …${text.slice(Math.max(0, m.index - 40), m.index + l.length + 40).replace(/\s+/g, ' ')}…`);
      }
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('PLAN_LANG sets the language; --lang wins over it', async () => {
    const en = await runMain(['status', ...asOf], { env: { PLAN_LANG: 'en' } });
    expect(en.stdout).toContain(`Status as of ${AS_OF}`);
    const vi = await runMain(['status', ...asOf, '--lang', 'vi'], { env: { PLAN_LANG: 'en' } });
    expect(vi.stdout).toContain('Tình hình thực hiện tính đến ngày 20/11/2025');
    const bad = await runMain(['status', ...asOf], { env: { PLAN_LANG: 'fr' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PLAN_LANG takes one of vi, en; got "fr"');
  });

  it('Vietnamese by default', async () => {
    const r = await runMain(['tasks', '--decision', '88', ...asOf]);
    expect(r.stdout).toContain('40 nhiệm vụ, tính đến ngày 20/11/2025');
  });
});
