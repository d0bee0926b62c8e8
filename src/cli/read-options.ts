// How data files are read, for every command that reads them: a workbook's sheet, a CSV's
// delimiter, the header's row. Loaded at start-up, so commander only.

import type { Command } from 'commander';

export function withReadOptions(cmd: Command): Command {
  return cmd
    .option('--sheet <name>', 'the sheet of a workbook (default: the first; FILE.xlsx#Sheet names one per file)')
    .option('--delimiter <char>', 'the CSV delimiter: , ; tab or | (default: detected from the first rows)')
    .option('--header-row <n>', 'the row number of the header (default: the first row that holds the required columns)');
}
