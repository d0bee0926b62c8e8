// The CI kit: the pre-commit hook checks what is staged, and the workflow README shows is the one committed.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from '../helpers/cli.js';

const HOOK = join(ROOT, 'scripts/pre-commit');
const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };
const DECISION = 'plans/qd-1-test-2024.yaml';

describe('scripts/pre-commit', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  const hook = () => {
    const r = spawnSync('sh', [HOOK], { cwd: repo, env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NO_COLOR: '1', PLAN_CACHE: '0', PLAN: `"${process.execPath}" "${BIN}"` }, encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  };
  const write = (text: string) => writeFileSync(join(repo, DECISION), text);
  let good: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'plan-hook-'));
    git('init', '-q');
    cpSync(join(ROOT, 'test/fixtures/render/plans'), join(repo, 'plans'), { recursive: true });
    writeFileSync(join(repo, 'README'), 'x\n');
    git('add', '.');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'base');
    good = readFileSync(join(repo, DECISION), 'utf8');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('passes when no plan file is staged', () => {
    writeFileSync(join(repo, 'README'), 'y\n');
    git('add', 'README');
    expect(hook().code).toBe(0);
    git('reset', '-q');
  });

  it('fails on a staged plan file that does not validate, naming it as the repository does', () => {
    write(good.replace('declared_total: 4', 'declared_total: 5'));
    git('add', DECISION);
    const r = hook();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/plans\/qd-1-test-2024\.yaml:\d+:\d+: error COUNT_MISMATCH/);
    expect(r.out).toContain('the staged plan files do not validate');
  });

  it('checks the staged version, not the working tree', () => {
    // Staged: valid. On disk: broken. The commit would record the valid one.
    write(good.replace('threshold: 80', 'threshold: 85'));
    git('add', DECISION);
    write(good.replace('declared_total: 4', 'declared_total: 5'));
    expect(hook().code).toBe(0);
    // And the other way round.
    write(good.replace('declared_total: 4', 'declared_total: 5'));
    git('add', DECISION);
    write(good);
    expect(hook().code).toBe(1);
    git('checkout', '-q', 'HEAD', '--', DECISION);
  });
});

describe('.github/workflows/plan.yml', () => {
  const text = readFileSync(join(ROOT, '.github/workflows/plan.yml'), 'utf8');
  const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string }[] }> };
  const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));

  it('validates with annotations, diffs into the job summary, and checks overdue tasks on a schedule', () => {
    expect(runs).toContain('npx plan validate --format github');
    expect(runs).toContain('npx plan diff "origin/$BASE_REF" HEAD --format md >> "$GITHUB_STEP_SUMMARY"');
    expect(runs).toContain('npx plan overdue --fail-on overdue');
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'schedule']));
  });

  it('is the workflow README shows', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('```yaml\n' + text + '```');
  });
});
