import { examples, withCommon, withFormat, withLang } from '../options.js';
import type { Define } from './session.js';

export const leaders: Define = (program, s) => {
  const cmd = program
    .command('leaders')
    .argument('[word]', 'only leaders whose id, name, title, display name or alias contains this word')
    .description('list the leader registry: id, the name a table cell shows, full name, title, aliases');
  withFormat(withLang(withCommon(cmd)), 'leaders')
    .addHelpText('after', examples('plan leaders', 'plan leaders "Lê Hùng Sơn" --format json'))
    .action(async (word: string | undefined, opts) => {
      s.code = await (await import('../commands/leaders.js')).run(word, opts, s.io);
    });
};
