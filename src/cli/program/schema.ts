import { examples, withCommon } from '../options.js';
import type { Define } from './session.js';

export const schema: Define = (program, s) => {
  // The global options of every command (--plans, --as-of, --no-color) are taken, so a script can pass
  // them to each; the schema is the model's, the same for every plans directory and day.
  const cmd = program
    .command('schema')
    .argument('[kind]', 'decision, units, leaders or datasets', 'decision')
    .description('print the JSON Schema of a kind of plan file (for editors)')
    .option('--out <dir>', 'write every kind to DIR/<kind>.schema.json instead');
  withCommon(cmd)
    .addHelpText('after', examples('plan schema decision > decision.schema.json', 'plan schema --out plans/schema'))
    .action(async (kind: string, opts) => {
      s.code = await (await import('../commands/schema.js')).run(kind, opts, s.io);
    });
};
