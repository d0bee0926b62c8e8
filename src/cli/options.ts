// Options every command shares: --plans, --as-of, --no-color, --format. Loaded at start-up, so commander only.

import { Option, type Command } from 'commander';

export function addCommon(cmd: Command, formats?: readonly string[], defaultFormat?: string): Command {
  cmd
    .option('--plans <dir>', 'directory of plan files (env PLAN_DIR; default ./plans)')
    .option('--as-of <date>', 'the day to report as of, YYYY-MM-DD (env PLAN_AS_OF; default today)')
    .option('--no-color', 'no colour, even on a terminal (also NO_COLOR)');
  if (formats) cmd.addOption(new Option('--format <format>', 'output format').choices(formats as string[]).default(defaultFormat ?? formats[0]));
  // Binary formats go to a file or a pipe, never to a terminal.
  if (formats?.some((f) => f === 'docx' || f === 'xlsx')) cmd.option('--out <file>', 'write to FILE (atomically) instead of stdout; docx and xlsx need it on a terminal');
  return cmd;
}
