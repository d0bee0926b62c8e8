// npm run bench: every benchmark of the project, each comparing against its baseline in the same run.
// BENCH_ONLY=startup | attainment | duckdb-10m selects one (duckdb-10m, 10M staff on disk, runs only so).
import { attainmentBench } from './attainment.mjs';
import { startup } from './startup.mjs';

const only = process.env.BENCH_ONLY;
if (only === 'duckdb-10m') await (await import('./duckdb-10m.mjs')).duckdb10m();
else {
  if (only === undefined || only === 'startup') startup();
  if (only === undefined || only === 'attainment') await attainmentBench();
}
