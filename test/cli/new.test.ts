import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runBin, runMain } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The skeleton as a plain reader sees it; only the fields the tests look at. */
interface Skeleton {
  decision: Record<string, unknown>;
  appendices: { groups: { lead: string; tasks: unknown[] }[] }[];
  targets: { comparator: string; threshold: number; every: string; measure: Record<string, unknown> }[];
  reporting: { to: string; due: string[] }[];
}

function copyOfPlans(from = 'plans'): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-new-'));
  dirs.push(dir);
  cpSync(join(ROOT, from), join(dir, 'plans'), { recursive: true });
  return dir;
}

describe('plan new', () => {
  it('writes plans/<file id>.yaml that plan validate then passes (end to end)', () => {
    const cwd = copyOfPlans();
    const r = runBin(['new', '999/KH-BHXH', '--as-of', '2026-03-01'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('plan: wrote plans/kh-999-bhxh-2026.yaml; fill it in from the document, then run "plan validate"\n');
    const file = join(cwd, 'plans', 'kh-999-bhxh-2026.yaml');
    const v = runBin(['validate', '--format', 'json'], { cwd });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ errors: 0, diagnostics: [] });
    expect(runBin(['validate', '--strict', 'plans/kh-999-bhxh-2026.yaml'], { cwd }).code).toBe(0);

    // Read back with the YAML library alone: every part a decision has is there.
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/decision.schema.json');
    const data = parse(text) as Skeleton;
    expect(data.decision).toMatchObject({ number: '999/KH-BHXH', signed: '2026-03-01', term: 'Năm 2026' });
    expect(data.appendices).toHaveLength(1);
    expect(data.appendices[0]!.groups[0]!.tasks).toHaveLength(1);
    expect(data.targets[0]).toMatchObject({ comparator: 'at_least', threshold: 80, every: 'year' });
    expect(Object.keys(data.targets[0]!.measure)).toEqual(['people', 'population', 'achieved']);
    expect(data.reporting[0]).toMatchObject({ to: 'vu-khdt', due: ['trước ngày 15 tháng 11'] });
    // Commented in both languages.
    expect(text).toContain('# Chỉ tiêu: mỗi con số một mục / targets: one entry per figure.');
    expect(text).toContain('# Chế độ báo cáo / reporting duties.');

    // The new decision is one the other commands know.
    const render = runBin(['render', '999/KH-BHXH', '--format', 'json'], { cwd });
    expect(render.code).toBe(0);
  });

  // The example task started in Quý I whatever the signing day: signed from October on, it began
  // "long before the decision was signed" and the skeleton failed --strict.
  it.each([
    ['2026-01-15', 'Quý I/2026'],
    ['2026-06-30', 'Quý II/2026'],
    ['2026-07-01', 'Quý III/2026'],
    ['2026-10-01', 'Quý IV/2026'],
    ['2026-12-31', 'Quý IV/2026'],
  ])('signed %s: the task starts in %s and the skeleton passes --strict', async (signed, start) => {
    const cwd = copyOfPlans();
    expect((await runMain(['new', '998/KH-BHXH', '--signed', signed, '--plans', join(cwd, 'plans')])).code).toBe(0);
    const data = parse(readFileSync(join(cwd, 'plans', 'kh-998-bhxh-2026.yaml'), 'utf8')) as { appendices: { groups: { tasks: { start: string }[] }[] }[] };
    expect(data.appendices[0]!.groups[0]!.tasks[0]!.start).toBe(start);
    const v = await runMain(['validate', '--strict', '--plans', join(cwd, 'plans'), '--format', 'json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ diagnostics: [] });
    expect(v.code).toBe(0);
  });

  it('--out into a directory that does not exist: a usage error, as every --out', async () => {
    const cwd = copyOfPlans();
    const r = await runMain(['new', '997/KH-BHXH', '--plans', join(cwd, 'plans'), '--out', join(cwd, 'no-such-dir', 'x.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan: cannot write \S+x\.yaml: its directory does not exist\n$/);
    expect(existsSync(join(cwd, 'no-such-dir'))).toBe(false);
  });

  it('refuses to overwrite, and overwrites with --force', async () => {
    const cwd = copyOfPlans();
    expect((await runMain(['new', '12/QĐ-BHXH', '--signed', '2026-01-15'], { cwd })).code).toBe(0);
    const file = join(cwd, 'plans', 'qd-12-bhxh-2026.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '# mine\n');
    const again = await runMain(['new', '13/QĐ-BHXH', '--signed', '2026-01-15', '--out', 'plans/qd-12-bhxh-2026.yaml'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('plan: plans/qd-12-bhxh-2026.yaml exists; give --force to overwrite it, or --out FILE (--out - for stdout)\n');
    expect(readFileSync(file, 'utf8')).toContain('# mine');
    const forced = await runMain(['new', '13/QĐ-BHXH', '--signed', '2026-01-15', '--out', 'plans/qd-12-bhxh-2026.yaml', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('number: "13/QĐ-BHXH"');
  });

  it('refuses a number that is already encoded', async () => {
    const r = await runMain(['new', '88/QĐ-BHXH', '--out', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: 88/QĐ-BHXH is already encoded in plans/qd-88-bhxh-2024.yaml\n');
  });

  it('prints to stdout with --out -, and validates against a registry without datasets', async () => {
    const cwd = copyOfPlans('test/fixtures/base');
    const r = await runMain(['new', '7/KH-TEST', '--signed', '2024-05-02', '--out', '-'], { cwd });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'plans', 'kh-7-test-2024.yaml'))).toBe(false);
    const data = parse(r.stdout) as Skeleton;
    expect(data.targets[0]!.measure).toEqual({ none: 'Chưa có dữ liệu để đo / no dataset measures this yet' });
    expect(data.appendices[0]!.groups[0]!.lead).toBe('vu-a');
    writeFileSync(join(cwd, 'plans', 'new.yaml'), r.stdout);
    const v = await runMain(['validate', '--format', 'json'], { cwd });
    expect(JSON.parse(v.stdout)).toMatchObject({ errors: 0, diagnostics: [] });
  });

  it('names the file as the bundled plans do', async () => {
    const { fileIdOf } = await import('../../src/edit/decision-skeleton.js');
    expect(fileIdOf('88/QĐ-BHXH', '2024-01-30')).toBe('qd-88-bhxh-2024');
    expect(fileIdOf('146/QĐ-TTg', '2016-01-20')).toBe('qd-146-ttg-2016');
    expect(fileIdOf('999/KH-BHXH', '2026-03-01')).toBe('kh-999-bhxh-2026');
    expect(fileIdOf('Công văn số 5', '2026-03-01')).toBe('cong-van-so-5-2026');
  });
});
