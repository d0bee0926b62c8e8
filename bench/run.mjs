// npm run bench: every benchmark of the project, each comparing against its baseline in the same run.
// BENCH_ONLY=startup | attainment | engine-threshold | duckdb-10m selects one (the last two run only so).
import { attainmentBench } from './attainment.mjs';
import { startup } from './startup.mjs';

const only = process.env.BENCH_ONLY;
if (only === 'duckdb-10m') await (await import('./duckdb-10m.mjs')).duckdb10m();
else if (only === 'engine-threshold') await (await import('./engine-threshold.mjs')).engineThreshold();
else {
  if (only === undefined || only === 'startup') startup();
  if (only === undefined || only === 'attainment') await attainmentBench();
}
