// Option builders shared by the command definitions (src/cli/program/): each adds one family of
// options, with its help text and default written once. Loaded at start-up, so commander and the
// format names only — no renderer, no loader.

import { Option, type Command } from 'commander';
import { BINARY_FORMATS, FORMAT_NAMES, type Report } from '../render/formats.js';
import { DEFAULT_MIN_CELL, DEFAULT_WITHIN_DAYS } from './defaults.js';
import { LANGS } from '../render/i18n/lang.js';

/** --plans, --as-of, --no-color: every command that reads plan files. */
export function withCommon(cmd: Command): Command {
  return cmd
    .option('--plans <dir>', 'directory of plan files (env PLAN_DIR; default ./plans)')
    .option('--as-of <date>', 'the day to report as of, YYYY-MM-DD (env PLAN_AS_OF; default today)')
    .option('--no-color', 'no colour, even on a terminal (also NO_COLOR)');
}

/**
 * --format NAME, one of the report's formats (src/render/formats.ts), the first by default. An
 * unknown name is a usage error (exit 2) that lists the valid ones.
 */
export function withFormat(cmd: Command, report: Report): Command {
  const names = FORMAT_NAMES[report];
  cmd.addOption(new Option('--format <format>', 'output format').choices(names).default(names[0]));
  // Word and Excel are files: to --out FILE or a pipe, never to a terminal (src/cli/output.ts).
  if (names.some((n) => n in BINARY_FORMATS)) cmd.option('--out <file>', 'write to FILE (atomically) instead of stdout; docx and xlsx need it on a terminal');
  return cmd;
}

/**
 * --lang vi|en: the language of a command's human formats (table, md, html). No default here, so
 * that an absent --lang leaves PLAN_LANG its say; src/cli/context.ts falls back to Vietnamese.
 */
export function withLang(cmd: Command, what = 'headers, labels and messages'): Command {
  return cmd.addOption(new Option('--lang <lang>', `language of ${what}: vi (default) or en (env PLAN_LANG); content stays as written`).choices([...LANGS]));
}

export interface FilterSet {
  /** The example in --decision's help. */
  decisionExample?: string;
  unit?: 'tasks' | 'tasks-and-duties';
  direct?: boolean;
  leader?: boolean;
  state?: boolean;
}

/** --decision, and as asked --unit, --direct, --leader, --state (parsed by src/cli/filters.ts). */
export function withFilters(cmd: Command, f: FilterSet = {}): Command {
  cmd.option('--decision <decision>', `only this decision: its number (${f.decisionExample ?? '88/QĐ-BHXH'}) or file id`);
  if (f.unit === 'tasks') cmd.option('--unit <unit>', 'only tasks this unit leads or supports (id, code or name), or a group standing for it does');
  if (f.unit === 'tasks-and-duties') cmd.option('--unit <unit>', 'only tasks this unit leads or supports, and duties it reports or receives');
  if (f.direct) cmd.option('--direct', 'with --unit: only tasks that name the unit itself, not a group it belongs to');
  if (f.leader) cmd.option('--leader <leader>', 'only tasks of this leader (id or name)');
  if (f.state) cmd.option('--state <states>', 'only these states, comma-separated (overdue, due-soon, open, in-progress, not-started-yet, ongoing, waiting, done, cancelled)');
  return cmd;
}

/**
 * --within DAYS. With `defaultDays` (the usual DEFAULT_WITHIN_DAYS) the option always has a value;
 * without, leaving it out means "not asked" (plan overdue).
 */
export function withWithin(cmd: Command, help = 'days ahead that count as due soon', defaultDays: number | null = DEFAULT_WITHIN_DAYS): Command {
  return defaultDays === null ? cmd.option('--within <days>', help) : cmd.option('--within <days>', help, String(defaultDays));
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** --staff, --trainings, --data NAME=FILE (repeatable); how the files are read, and their encoding. */
export function withData(cmd: Command): Command {
  cmd
    .option('--staff <file>', "the staff register, CSV or .xlsx (default: the staff dataset's file in plans/datasets.yaml)")
    .option('--trainings <file>', "the training records (default: the trainings dataset's file)")
    .option('--data <name=file>', 'the file of any dataset, e.g. coverage=stats.csv (repeatable)', collect);
  withReadOptions(cmd);
  cmd.option('--encoding <encoding>', "the data files' encoding (default: UTF-8, Windows-1258 detected)");
  return cmd;
}

/** How data files are read: a workbook's sheet, a CSV's delimiter, the header's row. */
export function withReadOptions(cmd: Command): Command {
  return cmd
    .option('--sheet <name>', 'the sheet of a workbook (default: the first; FILE.xlsx#Sheet names one per file)')
    .option('--delimiter <char>', 'the CSV delimiter: , ; tab or | (default: detected from the first rows)')
    .option('--header-row <n>', 'the row number of the header (default: the first row that holds the required columns)');
}

/** --year, --by, --min-cell: how targets are measured and broken down. */
export function withMeasure(cmd: Command): Command {
  return cmd
    .option('--year <year>', 'the year yearly targets are evaluated for (default: the year of --as-of)')
    .option('--by <breakdown>', 'break each target down by unit, level, province or unit-kind')
    .option('--min-cell <n>', `suppress breakdown groups of fewer people than this (default ${DEFAULT_MIN_CELL})`);
}

/** The "Examples:" block of a command's help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}
