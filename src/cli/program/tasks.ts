import { examples, withCommon, withLang, withFilters, withFormat, withWithin } from '../options.js';
import type { Define } from './session.js';

export const tasks: Define = (program, s) => {
  const cmd = program.command('tasks').description('one row per task with normalised start and due days and its state as of a day');
  withFormat(withLang(withCommon(withWithin(withFilters(cmd, { unit: 'tasks', direct: true, leader: true, state: true })))), 'tasks')
    .addHelpText('after', examples('plan tasks --decision 88/QĐ-BHXH --as-of 2024-07-01', 'plan tasks --unit vu-tccb --format md', 'plan tasks --state overdue,due-soon --format json'))
    .action(async (opts) => {
      s.code = await (await import('../commands/tasks.js')).run(opts, s.io);
    });
};
