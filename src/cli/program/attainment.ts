import { examples, withCommon, withLang, withData, withFormat, withMeasure } from '../options.js';
import type { Define } from './session.js';

export const attainment: Define = (program, s) => {
  const cmd = program.command('attainment').description('targets against the data (CSV, .xlsx or Parquet): value, met or not, how many more are needed; breakdowns by unit');
  withMeasure(withData(cmd))
    .option('--target <id>', 'only this target')
    .option('--decision <decision>', "only this decision's targets")
    .option('--fail-on <what>', 'exit 1 when a target is not met: --fail-on unmet')
    .option('--strict', 'bad data rows are fatal (exit 1) instead of excluded')
    .option('--engine <engine>', 'js (in-process), duckdb (embedded, for large files and .parquet) or auto (DuckDB for .parquet, or above 20 MB of data it reads as it is); default js')
    .option('--emit-sql', "print the targets' SQL over tables named as the datasets, for a warehouse; no data is read")
    .option('--dialect <dialect>', 'the SQL of --emit-sql: postgres (default; also for Citus, Trino, Spark SQL) or duckdb')
    .option('--from-sql-results <csv>', "the report from the result rows of --emit-sql's query, saved as CSV");
  withFormat(withLang(withCommon(cmd)), 'attainment')
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
      s.code = await (await import('../commands/attainment.js')).run(opts, s.io);
    });
};
