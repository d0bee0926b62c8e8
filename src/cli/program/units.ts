import { examples, withCommon, withFormat } from '../options.js';
import type { Define } from './session.js';

export const units: Define = (program, s) => {
  const cmd = program.command('units').description('list the organisation registry').option('--kind <kind>', 'only units of this kind (central, province, group, external …)');
  withFormat(withCommon(cmd), 'units')
    .addHelpText('after', examples('plan units', 'plan units --kind group --format json'))
    .action(async (opts) => {
      s.code = await (await import('../commands/units.js')).run(opts, s.io);
    });
};
