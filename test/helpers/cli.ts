// Running `plan` in tests: in-process through main() (fast), or end to end through the built bin/plan.js.

import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/plan.js', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as written, byte for byte (a binary format writes bytes; runMain only). */
  stdoutBytes?: Buffer;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  today?: string;
  tty?: boolean;
}

// PLAN_TEST_TALLY=FILE counts the commands run each way (a line "main" or "bin" per run), to see
// how much of the suite needs a child process.
function tally(kind: 'main' | 'bin'): void {
  const file = process.env['PLAN_TEST_TALLY'];
  if (file) appendFileSync(file, `${kind}\n`);
}

/** Runs main() with captured streams; no child process. */
export async function runMain(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  tally('main');
  // Bytes, as a pipe would receive them: text is written as UTF-8, binary formats as they are.
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const bytes = (chunk: string | Uint8Array): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  const code = await main(args, {
    stdout: { write: (c: string | Uint8Array) => out.push(bytes(c)), isTTY: opts.tty ?? false },
    stderr: { write: (c: string | Uint8Array) => err.push(bytes(c)), isTTY: opts.tty ?? false },
    cwd: opts.cwd ?? ROOT,
    env: { PLAN_CACHE: '0', ...opts.env },
    today: () => opts.today ?? '2024-07-01',
  });
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes };
}

/** Runs the built bin/plan.js as a user would. The cache is off unless a test turns it on. */
export function runBin(args: string[], opts: RunOptions = {}): RunResult {
  tally('bin');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], PLAN_CACHE: '0', NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
