import { examples, withCommon, withFormat } from '../options.js';
import type { Define } from './session.js';

export const validate: Define = (program, s) => {
  const cmd = program
    .command('validate')
    .argument('[files...]', 'plan files or directories to check (default: every file under --plans)')
    .description('check plan files: schema, references, periods, declared counts')
    .option('--strict', 'warnings fail too (exit 1)');
  withFormat(withCommon(cmd), 'validate')
    .addHelpText('after', examples('plan validate', 'plan validate plans/qd-88-bhxh-2024.yaml --format github', 'plan validate --strict --format json'))
    .action(async (files: string[], opts) => {
      s.code = await (await import('../commands/validate.js')).run(files, opts, s.io);
    });
};
