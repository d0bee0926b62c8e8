import { examples, withCommon } from '../options.js';
import type { Define } from './session.js';

export const importCommand: Define = (program, s) => {
  const cmd = program
    .command('import')
    .argument('<file>', "the decision's Word file (.docx), or its text as published on legal-document sites (.txt)")
    .description("a decision's Word file → a draft plan file: heading, appendix tables, units and leaders resolved, a TODO where a cell needs checking")
    .option('--out <file>', 'write the draft to FILE (atomically) instead of stdout')
    .option('--force', 'with --out: replace FILE if it exists');
  withCommon(cmd)
    .addHelpText('after', '\nThe summary and the TODOs (line, table row, column, what to check) go to stderr.')
    .addHelpText(
      'after',
      examples(
        'plan import 88-QD-BHXH.docx --out plans/qd-88-bhxh-2024.yaml',
        'plan import qd.docx > draft.yaml',
        'plan import qd-88-published.txt --out draft.yaml --force',
        'plan validate plans/qd-88-bhxh-2024.yaml',
      ),
    )
    .action(async (file: string, opts) => {
      s.code = await (await import('../commands/import.js')).run(file, opts, s.io);
    });
};
