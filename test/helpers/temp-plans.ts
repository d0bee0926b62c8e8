// Temporary copies of a plans directory for commands that write, optionally as a git repository.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export interface TempPlans {
  /** The temporary directory; the plans are in its plans/ folder. */
  dir: string;
  git: (...args: string[]) => string;
  remove: () => void;
}

export function tempPlans(from: string, opts: { git?: boolean } = {}): TempPlans {
  const dir = mkdtempSync(join(tmpdir(), 'plan-test-'));
  cpSync(join(ROOT, from), join(dir, 'plans'), { recursive: true });
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  if (opts.git) {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'plans as bundled');
  }
  return { dir, git, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
