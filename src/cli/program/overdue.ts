import { Option } from 'commander';
import { examples, withCommon, withLang, withFilters, withFormat, withWithin } from '../options.js';
import type { Define } from './session.js';

export const overdue: Define = (program, s) => {
  const cmd = program.command('overdue').description('overdue tasks and reporting-duty instances, most late first (with --within, also those due soon)');
  withWithin(withFilters(cmd, { unit: 'tasks-and-duties', leader: true }), 'also list what falls due within this many days', null).addOption(
    new Option('--fail-on <what>', 'exit 1 when anything is overdue (for CI)').choices(['overdue']),
  );
  withFormat(withLang(withCommon(cmd)), 'overdue')
    .addHelpText('after', examples('plan overdue --as-of 2024-07-01', 'plan overdue --decision 88/QĐ-BHXH --within 30 --format json', 'plan overdue --fail-on overdue --format github'))
    .action(async (opts) => {
      s.code = await (await import('../commands/overdue.js')).run(opts, s.io);
    });
};
