// An empty value on the command line is a usage error (exit 2), never taken as "not given": an
// empty --as-of used to mean today (and to override PLAN_AS_OF), an empty --plans or `plan diff ''`
// the whole working directory.
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

describe('empty values are usage errors', () => {
  it.each([
    [['tasks', '--as-of', ''], '--as-of'],
    [['tasks', '--as-of='], '--as-of'],
    [['status', '--plans', ''], '--plans'],
    [['validate', '--plans', ''], '--plans'],
    [['tasks', '--within', ''], '--within'],
    [['tasks', '--decision', ''], '--decision'],
    [['attainment', '--data', 'coverage=x.csv', '--data', ''], '--data'],
    [['attainment', '--staff', ''], '--staff'],
    [['render', '88', '--appendix', ''], '--appendix'],
    [['done', '88', '4.1', '--on', '', '--dry-run'], '--on'],
    [['progress', '88', '4.1', '--note', '', '--dry-run'], '--note'],
    [['schema', '--out', ''], '--out'],
  ])('%j', async (args, flag) => {
    const r = await runMain(args, { env: { PLAN_AS_OF: '2024-07-01' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`plan: ${flag} was given an empty value; give one (see "plan ${args[0]} --help") or leave the option out\n`);
  });

  it.each([
    [['diff', ''], 'base', true],
    [['diff', 'HEAD', ''], 'head', true],
    [['validate', ''], 'files', true],
    [['render', ''], 'decision', false],
    [['done', '', '4.1'], 'decision', false],
    [['done', '88', ''], 'item', false],
    [['schema', ''], 'kind', true],
  ])('%j', async (args, name, optional) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`plan: the ${name} argument is empty; give one (see "plan ${args[0]} --help")${optional ? ' or leave it out' : ''}\n`);
  });

  it('an empty --as-of does not fall back to PLAN_AS_OF or today', async () => {
    const withEnv = await runMain(['overdue', '--as-of', '', '--format', 'json'], { env: { PLAN_AS_OF: '2025-11-20' }, today: '2026-01-05' });
    expect(withEnv.code).toBe(2);
    expect(withEnv.stdout).toBe('');
    // Given, the value is the as-of day; left out, PLAN_AS_OF is.
    const given = JSON.parse((await runMain(['overdue', '--as-of', '2024-07-01', '--format', 'json'], { env: { PLAN_AS_OF: '2025-11-20' } })).stdout) as { asOf: string };
    const fromEnv = JSON.parse((await runMain(['overdue', '--format', 'json'], { env: { PLAN_AS_OF: '2025-11-20' } })).stdout) as { asOf: string };
    expect([given.asOf, fromEnv.asOf]).toEqual(['2024-07-01', '2025-11-20']);
  });

  it('a value of spaces is not empty: it reaches the option parser, which names what it expects', async () => {
    const r = await runMain(['tasks', '--as-of', ' ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: --as-of takes a calendar day written YYYY-MM-DD, such as 2024-07-01; got " "\n');
  });
});
