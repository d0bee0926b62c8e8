// plan diff end to end: a throw-away git repository with two commits of a small plan set.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/render/plans');
const DECISION = 'plans/qd-1-test-2024.yaml';
const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };

let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

function editFile(path: string, ...pairs: [string, string][]): void {
  const abs = join(repo, path);
  let text = readFileSync(abs, 'utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`${path} has no "${from}"`);
    text = text.replace(from, to);
  }
  writeFileSync(abs, text);
}

/** The second commit: 1.1's deadline moves two months later, 2.2 is added, 2.1 gets its own lead. */
const CHANGES: [string, string][] = [
  ['due: Tháng 6/2024', 'due: Tháng 8/2024'],
  ['        declared_count: 1', '        declared_count: 2'],
  ['declared_total: 4', 'declared_total: 5'],
  ['            due: 30/9/2024\n            leader: ptgd-b\n', '            due: 30/9/2024\n            lead: vu-a\n            leader: ptgd-b\n          - id: "2.2"\n            content: Nhiệm vụ mới được bổ sung\n            due: Tháng 11/2024\n'],
];

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'plan-diff-'));
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  cpSync(FIXTURE, join(repo, 'plans'), { recursive: true });
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  editFile(DECISION, ...CHANGES);
  git('commit', '-q', '-am', 'change');
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('plan diff between two commits', () => {
  const run = (...args: string[]) => runBin(['diff', 'HEAD~1', 'HEAD', ...args], { cwd: repo, env: { COLUMNS: '200', PLAN_LANG: 'en' } });

  it('table: the moved deadline with its days, the added task, the changed owner', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Plan changes: HEAD~1 \([0-9a-f]{7}\) → HEAD \([0-9a-f]{7}\)\n/);
    expect(r.stdout).toContain('1 task added, 1 deadline moved (1 postponed), 1 owner change');
    expect(r.stdout).toMatch(/Deadlines moved \(1\)[^]*│ 1\.1 [^]*postponed by 62 days/);
    expect(r.stdout).toMatch(/Tasks added \(1\)[^]*│ 2\.2 [^]*Nhiệm vụ mới được bổ sung/);
    expect(r.stdout).toMatch(/Owners changed \(1\)[^]*│ 2\.1 [^]*│ lead [^]*│ Vụ B [^]*│ Vụ A/);
  });

  it('md: a pull-request comment with a heading, a summary line and a table per kind of change', () => {
    const r = run('--format', 'md');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // `~` is Markdown (strike-through) and comes escaped.
    expect(lines[0]).toMatch(/^## Plan changes: HEAD\\~1 \([0-9a-f]{7}\) → HEAD \([0-9a-f]{7}\)$/);
    expect(lines).toContain('**Summary:** 1 task added, 1 deadline moved (1 postponed), 1 owner change.');
    expect(lines).toContain('### Deadlines moved (1)');
    expect(r.stdout).toContain('| 1/QĐ-TEST | 1.1 | &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" | Tháng 6/2024 (2024-06-30) | Tháng 8/2024 (2024-08-31) | **postponed by 62 days** |');
    expect(lines).toContain('### Tasks added (1)');
    expect(r.stdout).toContain('| 1/QĐ-TEST | 2.2 | Nhiệm vụ mới được bổ sung | Vụ B | Tháng 11/2024 |');
    expect(lines).toContain('### Owners changed (1)');
    expect(r.stdout).toContain('| 1/QĐ-TEST | 2.1 | lead | Vụ B | **Vụ A** |');
    expect(r.stdout).not.toMatch(/<script/);
  });

  it('json: schemaVersion, both sides, a summary and each kind of change', () => {
    const r = run('--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.base).toMatchObject({ label: 'HEAD~1', kind: 'git' });
    expect(j.base.commit).toBe(git('rev-parse', 'HEAD~1').trim());
    expect(j.summary).toMatchObject({ total: 3, tasksAdded: 1, deadlinesMoved: 1, postponed: 1, ownerChanges: 1 });
    expect(j.deadlines).toMatchObject([{ decision: '1/QĐ-TEST', id: '1.1', field: 'due', fromDay: '2024-06-30', toDay: '2024-08-31', days: 62, direction: 'postponed' }]);
    expect(j.tasks.added).toMatchObject([{ id: '2.2', lead: 'Vụ B', due: 'Tháng 11/2024' }]);
    expect(j.owners).toMatchObject([{ id: '2.1', field: 'lead', from: 'Vụ B', to: 'Vụ A', added: ['vu-a'], removed: ['vu-b'] }]);
  });

  it('gives the same answer from the checked-plans cache', () => {
    const cache = mkdtempSync(join(tmpdir(), 'plan-diff-cache-'));
    try {
      const env = { PLAN_CACHE: '1', PLAN_CACHE_DIR: cache };
      const first = runBin(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo, env });
      const second = runBin(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo, env });
      expect(first.code).toBe(0);
      expect(readdirSync(cache).length).toBeGreaterThan(0);
      expect(second.stdout).toBe(first.stdout);
      expect(second.stdout).toBe(run('--format', 'json').stdout);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('--exit-code exits 1 when there are differences', () => {
    expect(run('--exit-code').code).toBe(1);
  });
});

describe('plan diff against the working tree', () => {
  it('no arguments: HEAD against the files on disk; none changed, exit 0 even with --exit-code', () => {
    const r = runBin(['diff', '--exit-code'], { cwd: repo, env: { PLAN_LANG: 'en' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no changes');
  });

  it('an edit on disk shows without a commit, from a subdirectory too (--plans is relative to the root)', () => {
    editFile(DECISION, ['due: 30/9/2024', 'due: 15/9/2024']);
    try {
      mkdirSync(join(repo, 'docs'), { recursive: true });
      const r = runBin(['diff', '--format', 'json', '--exit-code'], { cwd: join(repo, 'docs') });
      expect(r.code).toBe(1);
      const j = JSON.parse(r.stdout);
      expect(j.head).toEqual({ label: 'working tree', kind: 'worktree', commit: null });
      expect(j.deadlines).toMatchObject([{ id: '2.1', days: -15, direction: 'advanced' }]);
    } finally {
      git('checkout', '-q', '--', DECISION);
    }
  });
});

describe('plan diff between two directories', () => {
  it('compares them without git', () => {
    const dirs = mkdtempSync(join(tmpdir(), 'plan-diff-dirs-'));
    try {
      cpSync(FIXTURE, join(dirs, 'old'), { recursive: true });
      cpSync(join(repo, 'plans'), join(dirs, 'new'), { recursive: true });
      for (const format of ['table', 'md', 'json']) {
        const r = runBin(['diff', 'old', 'new', '--format', format], { cwd: dirs, env: { COLUMNS: '200', PLAN_LANG: 'en' } });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        if (format === 'json') {
          expect(JSON.parse(r.stdout)).toMatchObject({ base: { label: 'old', kind: 'dir' }, deadlines: [{ id: '1.1', days: 62 }], tasks: { added: [{ id: '2.2' }] } });
        } else {
          expect(r.stdout).toContain('postponed by 62 days');
          expect(r.stdout).toMatch(/Tasks added \(1\)[^]*2\.2/);
        }
      }
    } finally {
      rmSync(dirs, { recursive: true, force: true });
    }
  });
});

describe('plan diff errors', () => {
  it('a revision git does not know is a usage error (exit 2)', () => {
    const r = runBin(['diff', 'no-such-branch'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown revision "no-such-branch"');
  });

  it('outside a git repository, a revision is a usage error (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-diff-nogit-'));
    try {
      const r = runBin(['diff', 'HEAD'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not inside a git repository');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a side that does not validate is an error with its diagnostics (exit 1)', () => {
    editFile(DECISION, ['declared_total: 5', 'declared_total: 6']);
    git('commit', '-q', '-am', 'broken');
    try {
      const r = runBin(['diff', 'HEAD~1', 'HEAD'], { cwd: repo });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('the head side (HEAD) does not validate: 1 error');
      expect(r.stderr).toMatch(/HEAD:plans\/qd-1-test-2024\.yaml:\d+:\d+: error COUNT_MISMATCH/);
    } finally {
      git('reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('a revision without plan files is a side with no plans', () => {
    const r = runBin(['diff', 'HEAD', 'HEAD', '--plans', 'nothing-here'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NO_PLANS');
  });
});

describe('plan diff --help', () => {
  it('names the formats and --exit-code and ends with examples', () => {
    const r = runBin(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--exit-code');
    expect(r.stdout).toContain('"table", "md", "json"');
    expect(r.stdout.trimEnd()).toMatch(/Examples:\n(?: {2}\$ .+\n?)+$/);
  });
});
