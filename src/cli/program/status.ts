import { examples, withCommon, withData, withFilters, withFormat, withLang, withWithin } from '../options.js';
import type { Define } from './session.js';

export const status: Define = (program, s) => {
  const cmd = program
    .command('status')
    .description('per decision: counts by state, overdue and due-soon tasks, waiting and stale tasks, reporting duties; targets met or not when there is data');
  withData(withWithin(withFilters(cmd, { unit: 'tasks-and-duties', leader: true }))).option('--no-attainment', 'leave out the target summary (no data is read)')
    .option('--full', 'the whole list in the terminal: every overdue and due-soon item, every reporting period (default: a summary that fits a screen)');
  withFormat(withLang(withCommon(cmd)), 'status')
    .addHelpText(
      'after',
      examples('plan status --as-of 2025-11-20', 'plan status --decision 185/QĐ-BHXH --within 60', 'plan status --unit tt-cntt --format md > status.md', 'plan status --staff hr/staff.csv --trainings hr/trainings.csv', 'plan status --no-attainment', 'plan status --full --lang en'),
    )
    .action(async (opts) => {
      s.code = await (await import('../commands/status.js')).run(opts, s.io);
    });
};
