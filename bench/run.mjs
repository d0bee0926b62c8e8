// npm run bench: every benchmark of the project, each comparing against its baseline in the same run.
import { attainmentBench } from './attainment.mjs';
import { officeBench } from './office.mjs';
import { startup } from './startup.mjs';

const only = process.env.BENCH_ONLY;
if (!only || only === 'startup') startup();
if (!only || only === 'office') officeBench();
if (!only || only === 'attainment') await attainmentBench();
