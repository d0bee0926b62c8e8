import { examples, withCommon } from '../options.js';
import type { Define } from './session.js';

export const newDecision: Define = (program, s) => {
  const cmd = program
    .command('new')
    .argument('<number>', 'the document number as written, e.g. 999/KH-BHXH')
    .description('write a commented skeleton of a new decision file that validates as it stands')
    .option('--out <file>', 'write to FILE instead of <plans>/<file id>.yaml; "-" prints it')
    .option('--signed <date>', 'the signing day, YYYY-MM-DD (default: the as-of day)')
    .option('--title <text>', "the decision's title")
    .option('--force', 'overwrite the file if it exists');
  withCommon(cmd)
    .addHelpText('after', examples('plan new 999/KH-BHXH', 'plan new 12/QĐ-BHXH --signed 2026-01-15 --out drafts/qd-12.yaml', 'plan new 999/KH-BHXH --out -'))
    .action(async (number: string, opts) => {
      s.code = await (await import('../commands/new.js')).run(number, opts, s.io);
    });
};
