// Defects 1 and 2 of issue 9: control characters from plan files reach no output raw, and no
// Markdown output carries a live link, image, emphasis or code span from a plan.

import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

const PLANS = 'test/fixtures/control/plans';
const AS_OF = '2024-07-01';

// Every view of the fixture, in every text format it has.
const VIEWS: [name: string, args: string[]][] = [
  ...['table', 'md', 'csv', 'json'].map((f): [string, string[]] => [`tasks ${f}`, ['tasks', '--format', f]]),
  ...['table', 'md', 'csv', 'json'].map((f): [string, string[]] => [`status ${f}`, ['status', '--format', f]]),
  ...['table', 'md', 'csv', 'json', 'github'].map((f): [string, string[]] => [`overdue ${f}`, ['overdue', '--within', '400', '--format', f]]),
  ...['table', 'md', 'html', 'csv', 'json'].map((f): [string, string[]] => [`render ${f}`, ['render', '3/QĐ-TEST', '--with-status', '--format', f]]),
  ...['table', 'json'].map((f): [string, string[]] => [`units ${f}`, ['units', '--format', f]]),
  ...['table', 'md', 'csv', 'json'].map((f): [string, string[]] => [`targets ${f}`, ['targets', '--format', f]]),
  ...['table', 'md', 'csv', 'json'].map((f): [string, string[]] => [`attainment ${f}`, ['attainment', '--format', f]]),
  ...['md', 'html'].map((f): [string, string[]] => [`report ${f}`, ['report', '--format', f]]),
  ...['text', 'json', 'github'].map((f): [string, string[]] => [`validate ${f}`, ['validate', '--format', f]]),
];

/** Control characters other than tab and line feed; a CR only as part of CSV's CRLF. */
 
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

describe('control characters from plan files are inert in every output', () => {
  it.each(VIEWS)('%s', async (_name, args) => {
    const r = await runMain([...args, '--plans', PLANS, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(r.stdout.length).toBeGreaterThan(0);
    const bad = RAW_CONTROL.exec(r.stdout + r.stderr);
    expect(bad ? `U+${bad[0].charCodeAt(0).toString(16)} at …${(r.stdout + r.stderr).slice(Math.max(0, bad.index - 30), bad.index + 10)}` : null).toBeNull();
  });

  it('shows ESC as the visible text \\x1b in a terminal view', async () => {
    const r = await runMain(['tasks', '--plans', PLANS, '--as-of', AS_OF]);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('\\x07');
  });

  it('keeps the text exact in JSON (escaped by JSON itself)', async () => {
    const r = await runMain(['tasks', '--plans', PLANS, '--as-of', AS_OF, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { tasks: { id: string; content: string }[] };
    expect(json.tasks.find((t) => t.id === '1.1')!.content.startsWith('Nhiệm vụ \u001b[2J\u001b]0;pwned\u0007 \u009b31m')).toBe(true);
  });

  it('plan validate warns of each control character, at its line', async () => {
    const r = await runMain(['validate', '--plans', PLANS, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; file: string; line: number; column: number }[] };
    const found = json.diagnostics.filter((d) => d.code === 'TEXT_CONTROL_CHAR').map((d) => `${d.file.split('/').pop()}:${d.line}:${d.column}:${d.severity}`);
    expect(found).toEqual([
      'leaders.yaml:5:14:warning',
      'qd-3-control-2024.yaml:5:10:warning',
      'qd-3-control-2024.yaml:12:12:warning',
      'qd-3-control-2024.yaml:20:16:warning',
      'qd-3-control-2024.yaml:24:22:warning',
      'qd-3-control-2024.yaml:33:11:warning',
      'qd-3-control-2024.yaml:34:14:warning',
      'qd-3-control-2024.yaml:41:11:warning',
      'units.yaml:5:11:warning',
    ]);
  });

  it('a raw ESC byte in a plan file is a finding with its line and column, and the excerpt shows it inert', async () => {
    const r = await runMain(['validate', '--plans', 'test/fixtures/base', 'test/fixtures/control/raw-esc.yaml']);
    expect(r.stdout).toContain('test/fixtures/control/raw-esc.yaml:5:21: warning TEXT_CONTROL_CHAR control character U+001B (ESC) in the file');
    expect(r.stdout).toContain('  5 |   title: Quyết định \\x1b[2J thử');
    expect(RAW_CONTROL.test(r.stdout)).toBe(false);
  });
});

describe('a direction override in a plan file', () => {
  it('is a finding at its line and column, shown inert in the excerpt', async () => {
    const r = await runMain(['validate', '--plans', 'test/fixtures/base', 'test/fixtures/control/bidi-override.yaml']);
    expect(r.stdout).toContain('test/fixtures/control/bidi-override.yaml:5:25: warning TEXT_CONTROL_CHAR control character U+202E (RLO) in the file');
    expect(r.stdout).toContain('  5 |   title: Quyết định Vụ A\\u202eB ấb thử');
    expect(r.stdout).not.toContain('\u202e');
  });
});

// The target subject of issue 9's probe, and the task content that holds it.
const LIVE = ['[x](javascript:alert(1))', '![i](https://evil.example/p.png)', '*em*', '`code`', '<b>'];
const MD_VIEWS = VIEWS.filter(([name]) => name.endsWith(' md'));

describe('Markdown outputs escape what README promises', () => {
  it('covers attainment, tasks, targets, status, overdue, render and report', () => {
    expect(MD_VIEWS.map(([n]) => n.split(' ')[0]).sort()).toEqual(['attainment', 'overdue', 'render', 'report', 'status', 'targets', 'tasks']);
  });

  it.each(MD_VIEWS)('%s: no live link, image, emphasis, code or HTML from a plan', async (_name, args) => {
    const r = await runMain([...args, '--plans', PLANS, '--as-of', AS_OF]);
    for (const live of LIVE) expect(r.stdout).not.toContain(live);
  });

  it.each(MD_VIEWS.filter(([n]) => !n.startsWith('attainment') && !n.startsWith('targets')))('%s: the task text appears escaped, exactly', async (_name, args) => {
    const r = await runMain([...args, '--plans', PLANS, '--as-of', AS_OF]);
    expect(r.stdout).toContain('\\[x\\](javascript:alert(1)) \\!\\[i\\](https://evil.example/p.png) \\*em\\* \\`code\\` &lt;b&gt;b&lt;/b&gt;');
  });

  it('targets md: the target text appears escaped, exactly (ESC as \x1b, its backslash escaped)', async () => {
    const r = await runMain(['targets', '--format', 'md', '--plans', PLANS, '--as-of', AS_OF, '--lang', 'en']);
    expect(r.stdout).toContain('| 3/QĐ-TEST | ti-le | 2.2 | Tỷ lệ \\\\x1b\\[2J đạt 80% | ≥ 80% | every year |\n');
  });

  it('attainment md: the target subject appears escaped, exactly', async () => {
    const r = await runMain(['attainment', '--format', 'md', '--plans', PLANS, '--as-of', AS_OF, '--lang', 'en']);
    expect(r.stdout).toContain('| 3/QĐ-TEST | ti-le | \\[x\\](javascript:alert(1)) \\!\\[i\\](https://evil.example/p.png) \\\\x1b\\[2J (no measure');
  });
});
