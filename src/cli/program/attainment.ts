import { examples, withCommon, withLang, withData, withFormat, withMeasure } from '../options.js';
import type { Define } from './session.js';

export const attainment: Define = (program, s) => {
  const cmd = program.command('attainment').description('targets against CSV data: value, met or not, how many more are needed; breakdowns by unit');
  withMeasure(withData(cmd, { encoding: true }))
    .option('--target <id>', 'only this target')
    .option('--decision <decision>', "only this decision's targets")
    .option('--fail-on <what>', 'exit 1 when a target is not met: --fail-on unmet')
    .option('--strict', 'bad data rows are fatal (exit 1) instead of excluded');
  withFormat(withLang(withCommon(cmd)), 'attainment')
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
      s.code = await (await import('../commands/attainment.js')).run(opts, s.io);
    });
};
