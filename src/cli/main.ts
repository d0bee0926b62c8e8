// The `plan` command line: the program, its commands (one module each under program/, whose run
// module under commands/ is imported only when it runs), and exit codes: 0 done, 1 findings,
// 2 a usage or I/O error.

import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { LoadError } from '../load/load-error.js';
import { inertText } from '../model/inert-text.js';
import { rejectEmptyValues } from './empty-values.js';
import { Exit, UsageError, type Io } from './io.js';
import { COMMANDS } from './program/index.js';
import type { Session } from './program/session.js';

/** Runs `plan` with the given arguments (without the program name) and returns its exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const session: Session = { io, code: 0 };
  const program = new Command('plan');
  program
    .description('Plan files for Vietnam Social Security decisions: validate them, see where tasks stand, measure targets, render appendices.')
    .version(pkg.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      // commander's own errors quote the argument ("unknown option '…'"): inert as ours are.
      writeErr: (s) => io.stderr.write(inertText(s)),
    })
    .showHelpAfterError('(run "plan --help" for usage)')
    // An empty value is never what a default would have been: refuse it before the command runs.
    .hook('preAction', (_program, command) => rejectEmptyValues(command));
  for (const define of COMMANDS) define(program, session);

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    // commander's `help NAME` prints nothing and exits 0 for a command it does not have.
    if (argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') && !program.commands.some((c) => c.name() === argv[1] || c.aliases().includes(argv[1]!))) {
      const { notFound } = await import('./context.js');
      throw notFound(`help: no command "${argv[1]}"`, argv[1], program.commands.map((c) => c.name()));
    }
    await program.parseAsync(argv, { from: 'user' });
    return session.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (e instanceof Exit) return e.code;
    if (e instanceof UsageError || e instanceof LoadError) {
      // A usage error quotes what the user typed (a flag's value, a path): shown inert, never raw.
      io.stderr.write(`plan: ${inertText(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}
