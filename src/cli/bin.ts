// Process entry: real streams and clock in, exit code out. The only place that calls process.exit.

import dayjs from 'dayjs';
import { main } from './main.js';

// The local calendar day: a deadline is a day where the analyst is, not a UTC instant.
const today = (): string => dayjs().format('YYYY-MM-DD');

// `plan tasks | head` closes the pipe early; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, today }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`plan: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    // Not a user's mistake but ours: 70 is EX_SOFTWARE.
    process.exitCode = 70;
  },
);
