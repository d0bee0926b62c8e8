// npm run bench: every benchmark of the project, each comparing against its baseline in the same run.
import { attainmentBench } from './attainment.mjs';
import { startup } from './startup.mjs';

startup();
if (process.env.BENCH_ONLY !== 'startup') await attainmentBench();
