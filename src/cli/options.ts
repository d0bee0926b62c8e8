// Options every command shares: --plans, --as-of, --no-color, --format. Loaded at start-up, so commander only.

import { Option, type Command } from 'commander';

export function addCommon(cmd: Command, formats?: readonly string[], defaultFormat?: string): Command {
  cmd
    .option('--plans <dir>', 'directory of plan files (env PLAN_DIR; default ./plans)')
    .option('--as-of <date>', 'the day to report as of, YYYY-MM-DD (env PLAN_AS_OF; default today)')
    .option('--no-color', 'no colour, even on a terminal (also NO_COLOR)');
  if (formats) cmd.addOption(new Option('--format <format>', 'output format').choices(formats as string[]).default(defaultFormat ?? formats[0]));
  // No default here: an absent --lang leaves PLAN_LANG its say (then Vietnamese).
  if (formats) cmd.addOption(new Option('--lang <lang>', 'language of human formats: vi or en (env PLAN_LANG; default vi); content stays as written').choices(['vi', 'en']));
  return cmd;
}
