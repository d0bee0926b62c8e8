// Issue 9, defect 8: a symbolic link under the plans directory is followed when it stays inside
// it, and every link that is not followed is reported, never skipped in silence.

import { lstatSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { tempPlans, type TempPlans } from '../helpers/temp-plans.js';

let temp: TempPlans | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

interface Json {
  diagnostics: { code: string; severity: string; file: string; message: string }[];
}

/** The bundled plans with 88/QĐ-BHXH kept in plans/.store/ (not walked) and linked from plans/. */
function linked(): TempPlans {
  temp = tempPlans('plans');
  const plans = join(temp.dir, 'plans');
  mkdirSync(join(plans, '.store'));
  renameSync(join(plans, 'qd-88-bhxh-2024.yaml'), join(plans, '.store/qd-88-bhxh-2024.yaml'));
  symlinkSync('.store/qd-88-bhxh-2024.yaml', join(plans, 'qd-88-bhxh-2024.yaml'));
  return temp;
}

describe('symbolic links in the plans directory', () => {
  it('a link to a file inside the directory is read: validate counts it, and plan done edits the file it leads to', async () => {
    const t = linked();
    const v = await runMain(['validate'], { cwd: t.dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toBe('9 plan files checked, no problems\n');
    const r = await runMain(['done', '88', '1.1', '--on', '2024-03-01'], { cwd: t.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(t.dir, 'plans/qd-88-bhxh-2024.yaml')).isSymbolicLink()).toBe(true);
    const doc = parse(readFileSync(join(t.dir, 'plans/.store/qd-88-bhxh-2024.yaml'), 'utf8')) as { appendices: { groups: { tasks: { id: string; status?: unknown }[] }[] }[] };
    expect(doc.appendices[0]!.groups[0]!.tasks[0]).toMatchObject({ id: '1.1', status: { state: 'done', on: '2024-03-01' } });
  });

  it.each([
    ['outside the directory', (dir: string) => {
      writeFileSync(join(dir, 'elsewhere.yaml'), readFileSync(join(dir, 'plans/qd-88-bhxh-2024.yaml')));
      symlinkSync('../elsewhere.yaml', join(dir, 'plans/qd-99.yaml'));
    }, 'plans/qd-99.yaml', /^the symbolic link is not followed: it leads outside .*plans$/],
    ['broken', (dir: string) => symlinkSync('missing.yaml', join(dir, 'plans/qd-99.yaml')), 'plans/qd-99.yaml', /^the symbolic link is not followed: it leads nowhere \(a broken link\)$/],
    ['to a file already read', (dir: string) => symlinkSync('qd-88-bhxh-2024.yaml', join(dir, 'plans/aa-copy.yaml')), 'plans/aa-copy.yaml', /^the symbolic link is not followed: it leads to a plan file already read$/],
  ])('a link %s is reported as a warning, by name', async (_name, plant, file, message) => {
    temp = tempPlans('plans');
    plant(temp.dir);
    const r = await runMain(['validate', '--format', 'json'], { cwd: temp.dir });
    expect(r.code).toBe(0);
    const links = (JSON.parse(r.stdout) as Json).diagnostics.filter((d) => d.code === 'LINK_NOT_FOLLOWED');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ severity: 'warning', file });
    expect(links[0]!.message).toMatch(message);
    // The decision is read once: no duplicate, no other finding.
    expect((JSON.parse(r.stdout) as Json).diagnostics).toHaveLength(1);
  });
});
