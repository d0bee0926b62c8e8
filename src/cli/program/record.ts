// plan done / progress / occurred / cancel: one shape, each with its own options.

import type { Command } from 'commander';
import { examples, withCommon } from '../options.js';
import type { Define, Session } from './session.js';

type RecordName = 'done' | 'progress' | 'occurred' | 'cancel';

function recordCommand(program: Command, s: Session, name: RecordName, describe: string, item: 'item' | 'task', extra: (c: Command) => Command, ex: string[]): void {
  const cmd = program
    .command(name)
    .argument('<decision>', 'the decision: its number (88/QĐ-BHXH) or file id')
    .argument(`<${item}>`, item === 'task' ? 'the task id, as the document numbers it ("4.1")' : 'the task id ("4.1"), or the id of a reporting duty')
    .description(describe);
  withCommon(
    extra(cmd)
      .option('--dry-run', 'print the change as a unified diff instead of writing it')
      .option('--force', 'record a day after the as-of day (refused otherwise, as a likely typo)'),
  )
    .addHelpText('after', examples(...ex))
    .action(async (decision: string, id: string, opts) => {
      s.code = await (await import('../commands/record.js')).run(name, decision, id, opts, s.io);
    });
}

export const record: Define = (program, s) => {
  recordCommand(
    program,
    s,
    'done',
    'record a task done, or one period of a reporting duty or recurring task',
    'item',
    (c) => c.option('--on <date>', 'the day it was done (default: the as-of day)').option('--period <period>', 'for a reporting duty or recurring task: the period done (2025, 2025-H1)'),
    ['plan done 88/QĐ-BHXH 4.1 --on 2024-01-25', 'plan done 1320/QĐ-BHXH bao-cao-danh-gia-hang-nam --period 2025 --on 2025-11-10', 'plan done 88 4.1 --dry-run'],
  );
  recordCommand(program, s, 'progress', 'add a dated progress note to a task', 'task', (c) => c.requiredOption('--note <text>', 'what was done').option('--on <date>', 'the day of the note (default: the as-of day)'), [
    'plan progress 185/QĐ-BHXH 1.1 --note "Đã đăng 12 tin bài" --on 2025-03-10',
  ]);
  recordCommand(
    program,
    s,
    'occurred',
    'record the day the event a waiting task waits for happened ("Sau khi …")',
    'task',
    (c) => c.requiredOption('--on <date>', 'the day of the event').option('--within <duration>', 'time allowed after it, e.g. "3 tháng", "30 ngày"'),
    ['plan occurred 88/QĐ-BHXH 1.3 --on 2024-09-15 --within "3 tháng"'],
  );
  recordCommand(program, s, 'cancel', 'record a task cancelled', 'task', (c) => c.option('--on <date>', 'the day it was cancelled (default: the as-of day)').option('--reason <text>', 'why'), [
    'plan cancel 88/QĐ-BHXH 6.2 --on 2024-05-01 --reason "Luật Việc làm lùi sang năm 2025"',
  ]);
};
