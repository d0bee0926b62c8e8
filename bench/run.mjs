// npm run bench: every benchmark of the project, each comparing against its baseline in the same run.
// BENCH_ONLY=startup|attainment|hostile|import|workbooks runs one.
import { attainmentBench } from './attainment.mjs';
import { hostileBench } from './hostile.mjs';
import { importBench } from './import.mjs';
import { startup } from './startup.mjs';
import { workbooksBench } from './workbooks.mjs';

const only = process.env.BENCH_ONLY;
if (!only || only === 'startup') startup();
if (!only || only === 'hostile') hostileBench();
if (!only || only === 'attainment') await attainmentBench();
if (!only || only === 'import') await importBench();
if (!only || only === 'workbooks') await workbooksBench();
