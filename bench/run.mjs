// npm run bench: every benchmark of the project, each comparing against its baseline in the same run.
import { startup } from './startup.mjs';

startup();
