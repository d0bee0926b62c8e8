// An option or argument given as the empty string (`--as-of ''`, `--plans ''`, `plan diff ''`) is a
// mistake, usually a shell variable that was not set: taken as "not given" it would fall back to a
// default (today, PLAN_AS_OF, the working directory) without a word. It is a usage error instead.

import type { Command } from 'commander';
import { UsageError } from './io.js';

const empty = (v: unknown): boolean => v === '' || (Array.isArray(v) && v.some((x) => x === ''));

/** Throws a UsageError naming the first option or argument the command line gave as ''. */
export function rejectEmptyValues(command: Command): void {
  for (const opt of command.options) {
    const key = opt.attributeName();
    if (command.getOptionValueSource(key) !== 'cli') continue;
    if (empty(command.getOptionValue(key))) {
      throw new UsageError(`${opt.long ?? opt.flags} was given an empty value; give one (see "plan ${command.name()} --help") or leave the option out`);
    }
  }
  command.registeredArguments.forEach((arg, i) => {
    if (empty(command.processedArgs[i])) {
      throw new UsageError(`the ${arg.name()} argument is empty; give one (see "plan ${command.name()} --help")${arg.required ? '' : ' or leave it out'}`);
    }
  });
}
