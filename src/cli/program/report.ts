import { examples, withCommon, withData, withFilters, withFormat, withLang, withMeasure, withWithin } from '../options.js';
import type { Define } from './session.js';

export const report: Define = (program, s) => {
  const cmd = program
    .command('report')
    .description("one Markdown, HTML or Word document: status by decision, overdue and due-soon items, reporting duties, target attainment, the appendices with each task's state");
  withLang(withWithin(withMeasure(withData(withFilters(cmd)))), 'headings, headers and fixed labels');
  withFormat(withCommon(cmd), 'report')
    .addHelpText('after', '\nData that is missing or cannot be read leaves its targets without data: the report says so,\nthe findings go to stderr, and the exit code stays 0.')
    .addHelpText(
      'after',
      examples(
        'plan report --as-of 2025-12-31 > report.md',
        'plan report --format html --as-of 2025-12-31 > report.html',
        'plan report --decision 456/QĐ-BHXH --by unit --format html --lang en > 456.html',
        'plan report --staff hr/staff.csv --trainings hr/trainings.csv --year 2024',
      ),
    )
    .action(async (opts) => {
      s.code = await (await import('../commands/report.js')).run(opts, s.io);
    });
};
