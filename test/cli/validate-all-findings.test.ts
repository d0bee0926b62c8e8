import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, runMain } from '../helpers/cli.js';

const BASE = 'test/fixtures/base';

interface Finding {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  hint?: string;
}

function findings(stdout: string): Finding[] {
  return (JSON.parse(stdout) as { diagnostics: Finding[] }).diagnostics;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A plans directory with the fixture registries and one decision file. */
function withDecision(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-findings-'));
  dirs.push(dir);
  for (const f of ['units.yaml', 'leaders.yaml']) copyFileSync(join(ROOT, BASE, f), join(dir, f));
  writeFileSync(join(dir, 'decision.yaml'), text);
  return dir;
}

const HEAD = `decision:
  number: 3/QĐ-TEST
  title: Kế hoạch thử
  issuer: Bảo hiểm xã hội Việt Nam
  signed: 2024-01-30
  signer: Nguyễn Văn A
appendices:
  - id: pl
    title: Danh mục
    columns:
      - { field: no, header: STT }
      - { field: content, header: Nội dung }
    groups:
      - no: "1"
        lead: vu-a
        tasks:
`;

describe('plan validate: every finding of a file in one run', () => {
  it('reports six mistakes in six places, of six kinds, in line order (end to end)', () => {
    const r = runBin(['validate', '--plans', BASE, 'test/fixtures/all-findings/six-mistakes.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const got = findings(r.stdout).map((d) => [d.line, d.code]);
    // The six lines of the fixture where a mistake was made, read off the file by hand.
    expect(got).toEqual([
      [4, 'YAML_SYNTAX'], // an unquoted colon in the title
      [8, 'KEY_UNKNOWN'], // signed_by
      [18, 'COUNT_MISMATCH'], // 3 declared, 2 listed
      [22, 'TYPE_MISMATCH'], // a list where one unit belongs
      [27, 'UNIT_UNKNOWN'], // a name not in the registry
      [29, 'PERIOD_INVALID'], // Quý V
    ]);
    const byCode = new Map(findings(r.stdout).map((d) => [d.code, d]));
    expect(byCode.get('YAML_SYNTAX')!.hint).toContain('quote the text ("…") or use `>-`');
    expect(byCode.get('TYPE_MISMATCH')!.hint).toBe('several units are written `{ units: [vu-a, vu-b], as_written: "the cell as the document writes it" }`');
    expect(byCode.get('KEY_UNKNOWN')!.hint).toBe('did you mean "signed"?');
  });

  it('prints them in line order as text too', async () => {
    const r = await runMain(['validate', '--plans', BASE, 'test/fixtures/all-findings/six-mistakes.yaml', '--no-color']);
    expect(r.code).toBe(1);
    const lines = [...r.stdout.matchAll(/six-mistakes\.yaml:(\d+):\d+: error (\w+)/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([4, 8, 18, 22, 27, 29]);
    expect(r.stdout).toContain('6 errors, 0 warnings in 1 of 1 file');
  });

  it('reports several syntax mistakes and the semantic ones after them', async () => {
    const dir = withDecision(
      HEAD +
        `          - id: "1.1"
            content: Rà soát: các văn bản
            due: Tháng 6/2024
          - id: "1.2"
            content: "Tổng kết "năm" 2024"
            due: Tháng 13/2024
          - id: "1.3"
            content: Báo cáo
\t    due: Quý IV/2024
          - id: "1.4"
            content: "Xây dựng kế hoạch
            due: Quý 5/2024
`,
    );
    const r = await runMain(['validate', '--plans', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const got = findings(r.stdout).map((d) => [d.line, d.code]);
    expect(got).toEqual([
      [18, 'YAML_SYNTAX'],
      [21, 'YAML_SYNTAX'],
      [22, 'PERIOD_INVALID'],
      [25, 'TAB_INDENT'],
      [27, 'YAML_SYNTAX'],
      [28, 'PERIOD_INVALID'],
    ]);
    const hints = findings(r.stdout).map((d) => d.hint ?? '');
    expect(hints[1]).toContain('the text goes on after its closing quote');
    expect(hints[3]).toBe('YAML indents with spaces only; replace the tab with spaces');
    expect(hints[4]).toContain('a quoted text ends with the quote it starts with');
  });

  it('checks the rest of a file whose task lacks a required key, its id still counted', async () => {
    const dir = withDecision(
      HEAD +
        `          - id: "1.1"
            due: Tháng 6/2024
          - id: "1.1"
            content: Tổ chức thực hiện
            due: Tháng 6/2024
            leader: ptgd-x
`,
    );
    const got = findings((await runMain(['validate', '--plans', dir, '--format', 'json'])).stdout).map((d) => [d.line, d.code]);
    expect(got).toEqual([
      [17, 'KEY_MISSING'],
      [19, 'ID_DUPLICATE'],
      [22, 'LEADER_UNKNOWN'],
    ]);
  });

  it('checks the tasks of a decision whose signing day is not a day', async () => {
    const dir = withDecision(HEAD.replace('signed: 2024-01-30', 'signed: 30/01/2024') + `          - { id: "1.1", content: Việc, due: Quý 5/2024 }\n`);
    const got = findings((await runMain(['validate', '--plans', dir, '--format', 'json'])).stdout).map((d) => [d.line, d.code]);
    expect(got).toEqual([
      [5, 'DATE_INVALID'],
      [17, 'PERIOD_INVALID'],
    ]);
  });

  it('gives plain hints for a number in quotes and an empty value', async () => {
    const dir = withDecision(
      HEAD.replace('        lead: vu-a\n', '        lead: vu-a\n        declared_count: "2"\n') +
        `          - id: "1.1"
            content:
            due: Tháng 6/2024
`,
    );
    const r = findings((await runMain(['validate', '--plans', dir, '--format', 'json'])).stdout);
    expect(r.map((d) => [d.line, d.code, d.hint])).toEqual([
      [16, 'TYPE_MISMATCH', 'write the number without quotes: 2'],
      [19, 'TYPE_MISMATCH', 'write the value after the colon, or remove the key'],
    ]);
  });

  it('warns when " #" cuts a text short', async () => {
    const dir = withDecision(
      HEAD +
        `          - id: "1.1"
            content: Triển khai đề án #1 về chuyển đổi số
            due: Tháng 6/2024 # the document's cell
`,
    );
    const r = await runMain(['validate', '--plans', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(findings(r.stdout)).toEqual([
      expect.objectContaining({
        code: 'TEXT_CUT_BY_COMMENT',
        severity: 'warning',
        line: 18,
        column: 39,
        message: 'the text of "content" stops before "#": YAML reads " #" and what follows as a comment',
        hint: 'quote the text or use `>-` if the "#" belongs to it; otherwise put the comment on a line of its own',
      }),
    ]);
  });

  it('finds nothing to warn about in the bundled plans', () => {
    const r = runBin(['validate', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(findings(r.stdout)).toEqual([]);
  });
});
