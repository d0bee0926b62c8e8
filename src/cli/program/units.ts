import { examples, withCommon, withLang, withFormat } from '../options.js';
import type { Define } from './session.js';

export const units: Define = (program, s) => {
  const cmd = program
    .command('units')
    .argument('[word]', 'only units whose id, code, name or alias contains this word (case and diacritics ignored)')
    .description('list the organisation registry, central units before provinces')
    .option('--kind <kind>', 'only units of this kind (central, province, group, external …)');
  withFormat(withLang(withCommon(cmd)), 'units')
    .addHelpText('after', examples('plan units', 'plan units "tổ chức"', 'plan units --kind group --format json'))
    .action(async (word: string | undefined, opts) => {
      s.code = await (await import('../commands/units.js')).run(word, opts, s.io);
    });
};
