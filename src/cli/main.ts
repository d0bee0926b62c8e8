// The `plan` command line: commander wiring; each command's module is imported only when it runs.

import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { LoadError } from '../load/load-error.js';
import { addCommon } from './options.js';
import { Exit, UsageError, type Io } from './io.js';

const TASK_FORMATS = ['table', 'md', 'csv', 'json'] as const;

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}

/** Runs `plan` with the given arguments (without the program name) and returns its exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('plan');
  program
    .description('Plan files for Vietnam Social Security decisions: validate them, see where tasks stand, measure targets, render appendices.')
    .version(pkg.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run "plan --help" for usage)');

  addCommon(
    program
      .command('validate')
      .argument('[files...]', 'plan files or directories to check (default: every file under --plans)')
      .description('check plan files: schema, references, periods, declared counts')
      .option('--strict', 'warnings fail too (exit 1)'),
    ['text', 'json', 'github'],
    'text',
  )
    .addHelpText('after', examples('plan validate', 'plan validate plans/qd-88-bhxh-2024.yaml --format github', 'plan validate --strict --format json'))
    .action(async (files: string[], opts) => {
      code = await (await import('./commands/validate.js')).run(files, opts, io);
    });

  program
    .command('schema')
    .argument('[kind]', 'decision, units, leaders or datasets', 'decision')
    .description('print the JSON Schema of a kind of plan file (for editors)')
    .option('--out <dir>', 'write every kind to DIR/<kind>.schema.json instead')
    .addHelpText('after', examples('plan schema decision > decision.schema.json', 'plan schema --out plans/schema'))
    .action(async (kind: string, opts) => {
      code = await (await import('./commands/schema.js')).run(kind, opts, io);
    });

  addCommon(
    program.command('units').description('list the organisation registry').option('--kind <kind>', 'only units of this kind (central, province, group, external …)'),
    ['table', 'json'],
  )
    .addHelpText('after', examples('plan units', 'plan units --kind group --format json'))
    .action(async (opts) => {
      code = await (await import('./commands/units.js')).run(opts, io);
    });

  addCommon(
    program
      .command('tasks')
      .description('one row per task with normalised start and due days and its state as of a day')
      .option('--decision <decision>', 'only this decision: its number (88/QĐ-BHXH) or file id')
      .option('--unit <unit>', 'only tasks this unit leads or supports (id, code or name), or a group standing for it does')
      .option('--direct', 'with --unit: only tasks that name the unit itself, not a group it belongs to')
      .option('--leader <leader>', 'only tasks of this leader (id or name)')
      .option('--state <states>', 'only these states, comma-separated (overdue, due-soon, open, in-progress, not-started-yet, ongoing, waiting, done, cancelled)')
      .option('--within <days>', 'days ahead that count as due soon', '30'),
    TASK_FORMATS,
  )
    .addHelpText('after', examples('plan tasks --decision 88/QĐ-BHXH --as-of 2024-07-01', 'plan tasks --unit vu-tccb --format md', 'plan tasks --state overdue,due-soon --format json'))
    .action(async (opts) => {
      code = await (await import('./commands/tasks.js')).run(opts, io);
    });

  addCommon(
    program
      .command('targets')
      .description('list the target statements: text, comparator, threshold, when each applies')
      .option('--decision <decision>', 'only this decision: its number (456/QĐ-BHXH) or file id'),
    TASK_FORMATS,
  )
    .addHelpText('after', examples('plan targets', 'plan targets --decision 456/QĐ-BHXH --format json'))
    .action(async (opts) => {
      code = await (await import('./commands/targets.js')).run(opts, io);
    });

  // --- where things stand: status, overdue ----------------------------------------------------
  addCommon(
    program
      .command('status')
      .description('per decision: counts by state, overdue and due-soon tasks, waiting and stale tasks, reporting duties; targets met or not when there is data')
      .option('--decision <decision>', 'only this decision: its number (88/QĐ-BHXH) or file id')
      .option('--unit <unit>', 'only tasks this unit leads or supports, and duties it reports or receives')
      .option('--leader <leader>', 'only tasks of this leader (id or name)')
      .option('--within <days>', 'days ahead that count as due soon', '30')
      .option('--staff <csv>', 'the staff register for the target summary (default: the staff dataset\'s file in plans/datasets.yaml)')
      .option('--trainings <csv>', 'the training records (default: the trainings dataset\'s file)')
      .option('--data <name=csv>', 'the file of any dataset, e.g. coverage=stats.csv (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--no-attainment', 'leave out the target summary (no data is read)'),
    ['table', 'md', 'json', 'csv'],
  )
    .addHelpText(
      'after',
      examples('plan status --as-of 2025-11-20', 'plan status --decision 185/QĐ-BHXH --within 60', 'plan status --unit tt-cntt --format md > status.md', 'plan status --staff hr/staff.csv --trainings hr/trainings.csv', 'plan status --no-attainment'),
    )
    .action(async (opts) => {
      code = await (await import('./commands/status.js')).run(opts, io);
    });

  addCommon(
    program
      .command('render')
      .argument('<decision>', 'the decision: its number (88/QĐ-BHXH), bare number (88) or file id')
      .description("a decision's appendix tables as the document shows them: its headers, group rows, cells as written, totals computed")
      .option('--appendix <id>', 'only this appendix (456/QĐ-BHXH has phu-luc-1 and phu-luc-2)')
      .option('--sections', "the tasks of the decision's body sections, under generic headers (the default for a decision with no appendix)")
      .option('--with-status', 'add a state column: each task as of --as-of')
      .option('--within <days>', 'days ahead that count as due soon (with --with-status)', '30')
      .addOption(new Option('--lang <lang>', 'language of headers and fixed labels; content stays as written').choices(['vi', 'en']).default('vi')),
    ['table', 'md', 'html', 'csv', 'json'],
  )
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
      code = await (await import('./commands/render.js')).run(decision, opts, io);
    });

  addCommon(
    program
      .command('diff')
      .argument('[base]', 'a git revision or a plans directory (default: HEAD)')
      .argument('[head]', 'a git revision or a plans directory (default: the working tree)')
      .description('what a change to the plan files means: tasks added or removed, deadlines moved, owners, leaders, status, targets, reporting duties')
      .option('--exit-code', 'exit 1 when there are differences (like git diff --exit-code)'),
    ['table', 'md', 'json'],
  )
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
      code = await (await import('./commands/diff.js')).run(base, head, opts, io);
    });

  addCommon(
    program
      .command('overdue')
      .description('overdue tasks and reporting-duty instances, most late first (with --within, also those due soon)')
      .option('--decision <decision>', 'only this decision: its number (88/QĐ-BHXH) or file id')
      .option('--unit <unit>', 'only tasks this unit leads or supports, and duties it reports or receives')
      .option('--leader <leader>', 'only tasks of this leader (id or name)')
      .option('--within <days>', 'also list what falls due within this many days')
      .addOption(new Option('--fail-on <what>', 'exit 1 when anything is overdue (for CI)').choices(['overdue'])),
    ['table', 'md', 'csv', 'json', 'github'],
  )
    .addHelpText(
      'after',
      examples('plan overdue --as-of 2024-07-01', 'plan overdue --decision 88/QĐ-BHXH --within 30 --format json', 'plan overdue --fail-on overdue --format github'),
    )
    .action(async (opts) => {
      code = await (await import('./commands/overdue.js')).run(opts, io);
    });

  // --- recording progress in a plan file: done, progress, occurred, cancel ---------------------
  const record = (name: 'done' | 'progress' | 'occurred' | 'cancel', describe: string, item: string, extra: (c: Command) => Command, ex: string[]) =>
    addCommon(
      extra(
        program
          .command(name)
          .argument('<decision>', 'the decision: its number (88/QĐ-BHXH) or file id')
          .argument(`<${item}>`, item === 'task' ? 'the task id, as the document numbers it ("4.1")' : 'the task id ("4.1"), or the id of a reporting duty')
          .description(describe),
      ).option('--dry-run', 'print the change as a unified diff instead of writing it'),
    )
      .addHelpText('after', examples(...ex))
      .action(async (decision: string, id: string, opts) => {
        code = await (await import('./commands/record.js')).run(name, decision, id, opts, io);
      });
  record('done', 'record a task done, or one period of a reporting duty or recurring task', 'item', (c) => c.option('--on <date>', 'the day it was done (default: the as-of day)').option('--period <period>', 'for a reporting duty or recurring task: the period done (2025, 2025-H1)'), [
    'plan done 88/QĐ-BHXH 4.1 --on 2024-01-25',
    'plan done 1320/QĐ-BHXH bao-cao-danh-gia-hang-nam --period 2025 --on 2025-11-10',
    'plan done 88 4.1 --dry-run',
  ]);
  record('progress', 'add a dated progress note to a task', 'task', (c) => c.requiredOption('--note <text>', 'what was done').option('--on <date>', 'the day of the note (default: the as-of day)'), [
    'plan progress 185/QĐ-BHXH 1.1 --note "Đã đăng 12 tin bài" --on 2025-03-10',
  ]);
  record('occurred', 'record the day the event a waiting task waits for happened ("Sau khi …")', 'task', (c) => c.requiredOption('--on <date>', 'the day of the event').option('--within <duration>', 'time allowed after it, e.g. "3 tháng", "30 ngày"'), [
    'plan occurred 88/QĐ-BHXH 1.3 --on 2024-09-15 --within "3 tháng"',
  ]);
  record('cancel', 'record a task cancelled', 'task', (c) => c.option('--on <date>', 'the day it was cancelled (default: the as-of day)').option('--reason <text>', 'why'), [
    'plan cancel 88/QĐ-BHXH 6.2 --on 2024-05-01 --reason "Luật Việc làm lùi sang năm 2025"',
  ]);

  addCommon(
    program
      .command('attainment')
      .description('targets against CSV data: value, met or not, how many more are needed; breakdowns by unit')
      .option('--staff <csv>', 'the staff register (default: the staff dataset\'s file in plans/datasets.yaml)')
      .option('--trainings <csv>', 'the training records (default: the trainings dataset\'s file)')
      .option('--data <name=csv>', 'the file of any dataset, e.g. coverage=stats.csv (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--year <year>', 'the year yearly targets are evaluated for (default: the year of --as-of)')
      .option('--target <id>', 'only this target')
      .option('--decision <decision>', 'only this decision\'s targets')
      .option('--by <breakdown>', 'break each target down by unit, level, province or unit-kind')
      .option('--min-cell <n>', 'suppress breakdown groups of fewer people than this (default 5)')
      .option('--fail-on <what>', 'exit 1 when a target is not met: --fail-on unmet')
      .option('--strict', 'bad data rows are fatal (exit 1) instead of excluded')
      .option('--encoding <encoding>', 'the data files\' encoding (default: UTF-8, Windows-1258 detected)')
      .option('--engine <engine>', 'js (in-process), duckdb (embedded, for large files and .parquet) or auto (DuckDB above 24 MB of data); default js')
      .option('--emit-sql', 'print the targets\' SQL over tables named as the datasets, for a warehouse; no data is read')
      .option('--dialect <dialect>', 'the SQL of --emit-sql: postgres (default; also for Citus, Trino, Spark SQL) or duckdb')
      .option('--from-sql-results <csv>', 'the report from the result rows of --emit-sql\'s query, saved as CSV'),
    ['table', 'md', 'csv', 'json'],
  )
    .addHelpText(
      'after',
      examples(
        'plan attainment --as-of 2025-12-31',
        'plan attainment --staff hr/staff.csv --trainings hr/trainings.csv --year 2024',
        'plan attainment --decision 456 --by unit --format md',
        'plan attainment --data coverage=stats/coverage.csv --target bhxh-45 --format json',
        'plan attainment --fail-on unmet --strict',
        'plan attainment --engine duckdb --staff hr/staff.parquet --trainings hr/trainings.csv --by unit',
        'plan attainment --emit-sql --dialect postgres > attainment.sql',
        'plan attainment --from-sql-results results.csv --by province',
      ),
    )
    .action(async (opts) => {
      code = await (await import('./commands/attainment.js')).run(opts, io);
    });

  // --- one document for a reporting round: report -----------------------------------------------
  addCommon(
    program
      .command('report')
      .description('one Markdown or HTML document: status by decision, overdue and due-soon items, reporting duties, target attainment, the appendices with each task\'s state')
      .option('--decision <decision>', 'only this decision: its number (88/QĐ-BHXH) or file id')
      .option('--staff <csv>', 'the staff register (default: the staff dataset\'s file in plans/datasets.yaml)')
      .option('--trainings <csv>', 'the training records (default: the trainings dataset\'s file)')
      .option('--data <name=csv>', 'the file of any dataset, e.g. coverage=stats.csv (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--year <year>', 'the year yearly targets are evaluated for (default: the year of --as-of)')
      .option('--by <breakdown>', 'break each target down by unit, level, province or unit-kind')
      .option('--min-cell <n>', 'suppress breakdown groups of fewer people than this (default 5)')
      .option('--within <days>', 'days ahead that count as due soon', '30')
      .addOption(new Option('--lang <lang>', 'language of headings, headers and fixed labels; content stays as written').choices(['vi', 'en']).default('vi')),
    ['md', 'html'],
  )
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
      code = await (await import('./commands/report.js')).run(opts, io);
    });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (e instanceof Exit) return e.code;
    if (e instanceof UsageError || e instanceof LoadError) {
      io.stderr.write(`plan: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
