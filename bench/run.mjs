// npm run bench: every benchmark of the project, each comparing against its baseline in the same run.
// BENCH_ONLY=startup|office|attainment|hostile|import|workbooks runs one; engine-threshold and duckdb-10m
// (10M staff on disk) run only so.
import { attainmentBench } from './attainment.mjs';
import { officeBench } from './office.mjs';
import { hostileBench } from './hostile.mjs';
import { importBench } from './import.mjs';
import { startup } from './startup.mjs';
import { workbooksBench } from './workbooks.mjs';

const only = process.env.BENCH_ONLY;
if (only === 'duckdb-10m') await (await import('./duckdb-10m.mjs')).duckdb10m();
else if (only === 'engine-threshold') await (await import('./engine-threshold.mjs')).engineThreshold();
else {
  if (!only || only === 'startup') startup();
  if (!only || only === 'office') officeBench();
  if (!only || only === 'hostile') hostileBench();
  if (!only || only === 'attainment') await attainmentBench();
  if (!only || only === 'import') await importBench();
  if (!only || only === 'workbooks') await workbooksBench();
}
