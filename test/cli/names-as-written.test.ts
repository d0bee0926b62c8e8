import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TaskRow } from '../../src/report/tasks.js';
import { ROOT, runMain } from '../helpers/cli.js';

// A decision typed by a new user: units and leaders named as the registry and the documents write
// them (name, short code, display name), not by id.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function plansWith(decision: string, registries: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-names-'));
  dirs.push(dir);
  if (Object.keys(registries).length === 0) {
    for (const f of ['units.yaml', 'provinces.yaml', 'leaders.yaml']) copyFileSync(join(ROOT, 'plans', f), join(dir, f));
  }
  for (const [f, text] of Object.entries(registries)) writeFileSync(join(dir, f), text);
  writeFileSync(join(dir, 'qd-999-bhxh-2026.yaml'), decision);
  return dir;
}

const decision = (groupLead: string, task: string) => `decision:
  number: 999/QĐ-BHXH
  title: Kế hoạch thử
  issuer: Bảo hiểm xã hội Việt Nam
  signed: 2026-01-15
  signer: Nguyễn Thế Mạnh
appendices:
  - id: pl
    title: Danh mục nhiệm vụ
    columns:
      - { field: no, header: TT }
      - { field: content, header: Nội dung công việc }
      - { field: lead, header: Đơn vị chủ trì }
      - { field: support, header: Đơn vị phối hợp }
      - { field: due, header: Thời gian hoàn thành }
      - { field: leader, header: Lãnh đạo phụ trách }
    groups:
      - no: "1"
        title: Công tác cán bộ
        lead: ${groupLead}
        tasks:
${task}`;

const TASKS = `          - id: "1.1"
            content: Rà soát quy hoạch cán bộ
            support: { units: [Vụ Pháp chế, TCCB], as_written: "Vụ Pháp chế, Vụ TCCB" }
            due: Quý II/2026
            leader: PTGĐ Lê Hùng Sơn
          - id: "1.2"
            content: Đào tạo, bồi dưỡng
            lead: TCCB
            support: BHXH các tỉnh, thành phố
            due: Tháng 9/2026
            leader: Lê Hùng Sơn
`;

type TaskJson = Pick<TaskRow, 'id' | 'lead' | 'leadAsWritten' | 'support' | 'supportAsWritten' | 'leader' | 'leaderIds'>;

describe('names as written', () => {
  it('accepts a unit by its registry name and short code and a leader by display name or name', async () => {
    const dir = plansWith(decision('Vụ Tổ chức cán bộ', TASKS));
    const v = await runMain(['validate', '--plans', dir, '--format', 'json']);
    expect(v.stdout).toContain('"errors": 0');
    expect(v.code).toBe(0);

    const t = await runMain(['tasks', '--plans', dir, '--format', 'json', '--as-of', '2026-02-01']);
    expect(t.code).toBe(0);
    const tasks = (JSON.parse(t.stdout) as { tasks: TaskJson[] }).tasks;
    expect(tasks.map((x) => x.id)).toEqual(['1.1', '1.2']);
    // Resolved to the registry's ids …
    expect(tasks[0]).toMatchObject({ lead: ['vu-tccb'], support: ['vu-pc', 'vu-tccb'], leaderIds: ['ptgd-le-hung-son'] });
    expect(tasks[1]).toMatchObject({ lead: ['vu-tccb'], support: ['bhxh-tinh'], leaderIds: ['ptgd-le-hung-son'] });
    // … and kept as written for renders.
    expect(tasks[0]).toMatchObject({ leadAsWritten: 'Vụ Tổ chức cán bộ', supportAsWritten: 'Vụ Pháp chế, Vụ TCCB', leader: 'PTGĐ Lê Hùng Sơn' });
    expect(tasks[1]).toMatchObject({ leadAsWritten: 'TCCB', supportAsWritten: 'BHXH các tỉnh, thành phố', leader: 'Lê Hùng Sơn' });

    // A unit filter by id finds tasks named by name or code.
    const byUnit = await runMain(['tasks', '--plans', dir, '--unit', 'vu-tccb', '--format', 'json']);
    expect((JSON.parse(byUnit.stdout) as { tasks: TaskJson[] }).tasks.map((x) => x.id)).toEqual(['1.1', '1.2']);
  });

  it('renders the cells as written', async () => {
    const dir = plansWith(decision('Vụ Tổ chức cán bộ', TASKS));
    const r = await runMain(['render', '999/QĐ-BHXH', '--plans', dir, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    const row11 = lines.find((l) => l.includes(',task,1.1,'));
    const row12 = lines.find((l) => l.includes(',task,1.2,'));
    expect(row11).toContain('"Vụ Pháp chế, Vụ TCCB"');
    expect(row11).toContain('PTGĐ Lê Hùng Sơn');
    expect(row12).toBe('999/QĐ-BHXH,pl,task,1.2,1.2,"Đào tạo, bồi dưỡng",TCCB,"BHXH các tỉnh, thành phố",Tháng 9/2026,Lê Hùng Sơn');
    // The group row names its lead unit as written.
    expect(lines.find((l) => l.includes(',group,1,'))).toBe('999/QĐ-BHXH,pl,group,1,1,Công tác cán bộ,Vụ Tổ chức cán bộ,,,');
  });

  it('gives "Vụ Tổ chức" the candidates and says how to add a new unit', async () => {
    const dir = plansWith(decision('Vụ Tổ chức', TASKS));
    const v = await runMain(['validate', '--plans', dir, '--format', 'json']);
    expect(v.code).toBe(1);
    const diags = (JSON.parse(v.stdout) as { diagnostics: { code: string; message: string; hint?: string; line: number; column: number }[] }).diagnostics;
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'UNIT_UNKNOWN', message: 'unit "Vụ Tổ chức" is not in the registry', line: 20, column: 15 });
    expect(diags[0]!.hint).toBe('did you mean "Vụ Tổ chức cán bộ" (vu-tccb)? if it is a new unit, add it to units.yaml: - { id: …, name: "Vụ Tổ chức", name_en: …, kind: central }');
  });

  it('gives an unknown leader the nearest names and says how to add them to leaders.yaml', async () => {
    const dir = plansWith(decision('TCCB', TASKS.replace('leader: PTGĐ Lê Hùng Sơn', 'leader: PTGĐ Lê Hùng Sơnn')));
    const v = await runMain(['validate', '--plans', dir, '--format', 'json']);
    const diags = (JSON.parse(v.stdout) as { diagnostics: { code: string; message: string; hint?: string }[] }).diagnostics;
    expect(diags.map((d) => d.code)).toEqual(['LEADER_UNKNOWN']);
    expect(diags[0]!.hint).toBe('did you mean "PTGĐ Lê Hùng Sơn" (ptgd-le-hung-son)? if it is a new leader, add them to leaders.yaml: - { id: …, name: …, title: …, display: "PTGĐ Lê Hùng Sơnn" }');
  });

  it('refuses a name that two units answer to, listing both', async () => {
    const units = `units:
  - { id: vu-tc, code: TC, name: Vụ Tài chính, name_en: Finance, kind: central }
  - { id: vu-to-chuc, name: Vụ Tổ chức, name_en: Organisation, kind: central, aliases: [TC] }
`;
    const leaders = `leaders:
  - { id: ptgd-a, name: Nguyễn Văn A, title: Phó Tổng Giám đốc, display: PTGĐ Nguyễn Văn A }
`;
    const dir = plansWith(decision('TC', `          - { id: "1.1", content: Việc, due: Quý II/2026 }\n`), { 'units.yaml': units, 'leaders.yaml': leaders });
    const v = await runMain(['validate', '--plans', dir, '--format', 'json']);
    expect(v.code).toBe(1);
    const diags = (JSON.parse(v.stdout) as { diagnostics: { code: string; message: string; hint?: string }[] }).diagnostics;
    expect(diags.map((d) => d.code)).toEqual(['UNIT_UNKNOWN']);
    expect(diags[0]).toMatchObject({ message: '"TC" names more than one unit: "Vụ Tài chính" (vu-tc), "Vụ Tổ chức" (vu-to-chuc)', hint: 'write the id of the one meant, e.g. "vu-tc"' });
  });

  it('keeps the did-you-mean cheap for a huge unknown name', async () => {
    const dir = plansWith(decision(`"${'Vụ '.repeat(21_000)}"`, `          - { id: "1.1", content: Việc, due: Quý II/2026 }\n`));
    const v = await runMain(['validate', '--plans', dir, '--format', 'json']);
    expect(v.code).toBe(1);
    const diags = (JSON.parse(v.stdout) as { diagnostics: { code: string; message: string; hint?: string }[] }).diagnostics;
    expect(diags[0]!.code).toBe('UNIT_UNKNOWN');
    expect(diags[0]!.message.length).toBeLessThan(200);
  });
});

describe('plan units WORD and plan leaders', () => {
  it('finds units by a word, case and diacritics ignored, central units first', async () => {
    const r = await runMain(['units', 'tổ chức', '--format', 'json']);
    expect(r.code).toBe(0);
    const units = (JSON.parse(r.stdout) as { units: { id: string; kind: string }[] }).units;
    expect(units.map((u) => u.id)).toContain('vu-tccb');
    const plain = await runMain(['units', 'TO CHUC', '--format', 'json']);
    expect(JSON.parse(plain.stdout)).toEqual(JSON.parse(r.stdout));
  });

  it('lists central units before provinces', async () => {
    const r = await runMain(['units', 'BHXH', '--format', 'json']);
    const kinds = (JSON.parse(r.stdout) as { units: { kind: string }[] }).units.map((u) => u.kind);
    expect(kinds.indexOf('province')).toBeGreaterThan(-1);
    expect(kinds.lastIndexOf('central')).toBeLessThan(kinds.indexOf('province'));
    expect(kinds.lastIndexOf('agency')).toBeLessThan(kinds.indexOf('province'));
  });

  it('lists the leader registry as a table and as JSON', async () => {
    const table = await runMain(['leaders', '--no-color'], { env: { COLUMNS: '140' } });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('ptgd-le-hung-son');
    expect(table.stdout).toContain('PTGĐ Lê Hùng Sơn');
    const json = await runMain(['leaders', 'hùng sơn', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({
      schemaVersion: 1,
      leaders: [{ id: 'ptgd-le-hung-son', display: 'PTGĐ Lê Hùng Sơn', name: 'Lê Hùng Sơn', title: 'Phó Tổng Giám đốc', aliases: [] }],
    });
  });

  it('heads the leader table in the language asked for (Vietnamese by default), as plan units does', async () => {
    const vi = await runMain(['leaders', '--no-color'], { env: { COLUMNS: '140' } });
    expect(vi.stdout.split('\n')[1]).toMatch(/│ Mã +│ Tên trong bảng +│ Họ và tên +│ Chức vụ +│ Tên khác +│/);
    expect(vi.stdout).toMatch(/\n6 lãnh đạo\n$/);
    const en = await runMain(['leaders', '--no-color', '--lang', 'en'], { env: { COLUMNS: '140' } });
    expect(en.stdout.split('\n')[1]).toMatch(/│ ID +│ Display +│ Name +│ Title +│ Aliases +│/);
    expect(en.stdout).toMatch(/\n6 leaders\n$/);
  });

  it('shows a control character in leaders.yaml inert, never sends it to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-leaders-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'leaders.yaml'), 'leaders:\n  - id: ptgd-x\n    name: "Lê Văn X\\e[2J\\e]0;pwned\\a"\n    title: Phó Tổng Giám đốc\n    display: PTGĐ Lê Văn X\n');
    writeFileSync(join(dir, 'units.yaml'), 'units:\n  - { id: vu-a, name: Vụ A, name_en: Dept A, kind: central }\n');
    const r = await runMain(['leaders', '--plans', dir, '--no-color'], { env: { COLUMNS: '140' } });
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('X\\x1b[2J');
  });
});
