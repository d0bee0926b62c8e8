// Process entry: real streams and clock in, exit code out. The only place that calls process.exit.

import type { Io } from './io.js';
import { record, replay } from './replay.js';

// The local calendar day: a deadline is a day where the analyst is, not a UTC instant.
const today = (): string => {
  const d = new Date();
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// `plan tasks | head` closes the pipe early; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const argv = process.argv.slice(2);
const io: Io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, today };

// The same status or tasks as last time, with nothing it read changed: print it without loading the
// program (src/cli/replay.ts). Otherwise run it, recording what it read and wrote.
if (replay(argv, io)) {
  process.exitCode = 0;
} else {
  const rec = record(argv, io);
  const { main } = await import('./main.js');
  await main(argv, rec ? rec.io : io).then(
    (code) => {
      rec?.finish(code);
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`plan: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      // Not a user's mistake but ours: 70 is EX_SOFTWARE.
      process.exitCode = 70;
    },
  );
}
