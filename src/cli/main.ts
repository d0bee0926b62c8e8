// The `plan` command line: commander wiring; each command's module is imported only when it runs.

import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { LoadError } from '../load/load-error.js';
import { addCommon } from './options.js';
import { Exit, UsageError, type Io } from './io.js';

const TASK_FORMATS = ['table', 'md', 'csv', 'json'] as const;

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
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
      .option('--unit <unit>', 'only tasks this unit leads or supports (id, code or name)')
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
      .option('--encoding <encoding>', 'the data files\' encoding (default: UTF-8, Windows-1258 detected)'),
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
      ),
    )
    .action(async (opts) => {
      code = await (await import('./commands/attainment.js')).run(opts, io);
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
