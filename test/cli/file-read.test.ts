// A plan file that cannot be read is a FILE_READ finding naming it (validate lists it with the rest,
// exit 1), not an exception. Run as a user who cannot read it: the test's own user, or "nobody"
// when the tests run as root (root reads a file whatever its mode).
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tempPlans, type TempPlans } from '../helpers/temp-plans.js';

const FILE = 'plans/qd-88-bhxh-2024.yaml';
const asRoot = process.getuid?.() === 0;

function run(t: TempPlans, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: t.dir,
    env: { PATH: process.env['PATH'], PLAN_CACHE: '0', NO_COLOR: '1', PLAN_AS_OF: '2024-07-01' },
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(process.platform === 'win32')('an unreadable plan file', () => {
  let t: TempPlans;
  beforeAll(() => {
    t = tempPlans('plans');
    chmodSync(t.dir, 0o755);
    chmodSync(`${t.dir}/${FILE}`, 0o000);
  });
  afterAll(() => t.remove());

  it('plan validate reports FILE_READ for it in the one diagnostic shape, exit 1', () => {
    const r = run(t, ['validate', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    const read = json.diagnostics.filter((d) => d['code'] === 'FILE_READ');
    expect(read).toEqual([
      {
        code: 'FILE_READ',
        severity: 'error',
        message: `cannot read ${FILE}: permission denied`,
        file: FILE,
        line: 0,
        column: 0,
        hint: 'make the file readable (chmod a+r), or move it out of the plans directory',
      },
    ]);
  });

  it('plan validate as text names the file; a reporting command stops with exit 1', () => {
    const text = run(t, ['validate']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(FILE);
    expect(text.stdout).toContain('FILE_READ');
    const tasks = run(t, ['tasks']);
    expect(tasks.code).toBe(1);
    expect(tasks.stdout).toBe('');
    expect(tasks.stderr).toContain(`cannot read ${FILE}: permission denied`);
    expect(tasks.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
