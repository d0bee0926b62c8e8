import { examples, withCommon, withFormat, withLang, withWithin } from '../options.js';
import type { Define } from './session.js';

export const render: Define = (program, s) => {
  const cmd = program
    .command('render')
    .argument('<decision>', 'the decision: its number (88/QĐ-BHXH), bare number (88) or file id')
    .description("a decision's appendix tables as the document shows them: its headers, group rows, cells as written, totals computed")
    .option('--appendix <id>', 'only this appendix (456/QĐ-BHXH has phu-luc-1 and phu-luc-2)')
    .option('--sections', "the tasks of the decision's body sections, under generic headers (the default for a decision with no appendix)")
    .option('--with-status', 'add a state column: each task as of --as-of');
  withFormat(withCommon(withLang(withWithin(cmd, 'days ahead that count as due soon (with --with-status)'))), 'render')
    .addHelpText(
      'after',
      examples(
        'plan render 88/QĐ-BHXH',
        'plan render 456 --appendix phu-luc-2 --format md',
        'plan render 88 --format html --with-status --as-of 2024-07-01 > 88.html',
        'plan render 185 --format csv --lang en > 185.csv',
      ),
    )
    .action(async (decision: string, opts) => {
      s.code = await (await import('../commands/render.js')).run(decision, opts, s.io);
    });
};
