import { examples, withCommon, withLang, withFilters, withFormat } from '../options.js';
import type { Define } from './session.js';

export const targets: Define = (program, s) => {
  const cmd = program.command('targets').description('list the target statements: text, comparator, threshold, when each applies');
  withFormat(withLang(withCommon(withFilters(cmd, { decisionExample: '456/QĐ-BHXH' }))), 'targets')
    .addHelpText('after', examples('plan targets', 'plan targets --decision 456/QĐ-BHXH --format json'))
    .action(async (opts) => {
      s.code = await (await import('../commands/targets.js')).run(opts, s.io);
    });
};
