import { examples, withCommon, withLang, withFormat } from '../options.js';
import type { Define } from './session.js';

export const diff: Define = (program, s) => {
  const cmd = program
    .command('diff')
    .argument('[base]', 'a git revision or a plans directory (default: HEAD)')
    .argument('[head]', 'a git revision or a plans directory (default: the working tree)')
    .description('what a change to the plan files means: tasks added or removed, deadlines moved, owners, leaders, status, targets, reporting duties')
    .option('--exit-code', 'exit 1 when there are differences (like git diff --exit-code)');
  withFormat(withLang(withCommon(cmd)), 'diff')
    .addHelpText('after', '\nFor revisions and the working tree, --plans is relative to the repository root.\nA directory argument is a directory of plan files itself.')
    .addHelpText(
      'after',
      examples(
        'plan diff                                  # HEAD against the working tree',
        'plan diff origin/main HEAD --format md     # a pull request, for a comment',
        'plan diff HEAD~3 --format json',
        'plan diff old/plans plans                  # two directories',
      ),
    )
    .action(async (base: string | undefined, head: string | undefined, opts) => {
      s.code = await (await import('../commands/diff.js')).run(base, head, opts, s.io);
    });
};
