// plan data inspect: what the tool makes of a data file (its run module: ../commands/data-inspect.ts).

import { examples, withCommon, withFormat, withLang, withReadOptions } from '../options.js';
import type { Define } from './session.js';

export const data: Define = (program, s) => {
  const group = program.command('data').description('data files: what the tool makes of them');
  const cmd = group
    .command('inspect')
    .argument('<file>', 'a CSV or text export, or an .xlsx workbook (FILE.xlsx#Sheet names a sheet)')
    .description("what the tool makes of a data file: format, encoding, delimiter, header row, each header's column, sample values and how they read, bad rows, suggested aliases")
    .option('--dataset <name>', 'the dataset the file is of (default: the one its header matches best)')
    .option('--encoding <encoding>', "the file's encoding (default: UTF-8, UTF-16 and Windows-1258 detected)");
  withReadOptions(cmd);
  withFormat(withLang(withCommon(cmd)), 'data-inspect')
    .addHelpText('after', examples('plan data inspect hr/danh-sach.xlsx', 'plan data inspect hr/staff.csv --dataset staff --format json', "plan data inspect 'hr/bao-cao.xlsx#Bồi dưỡng' --dataset trainings"))
    .action(async (file: string, opts) => {
      s.code = await (await import('../commands/data-inspect.js')).run(file, opts, s.io);
    });
};
