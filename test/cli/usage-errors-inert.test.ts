// A usage error quotes what the user typed; an escape sequence in it is shown, never sent to the
// terminal. A bad PLAN_DUCKDB_MEMORY is a usage error, not DuckDB's exception.
import { describe, expect, it } from 'vitest';
import { runBin, runMain } from '../helpers/cli.js';

describe('usage errors', () => {
  it.each([
    [['tasks', '--decision', '\u001b]0;x\u0007']],
    [['status', '--as-of', '2024\u001b[31m']],
    [['tasks', '--no-such\u001b[31m']],
    [['attainment', '--engine', 'x\u001b[2J']],
    [['render', '\u001b[31m88']],
    [['help', '\u001b[2J']],
  ])('%j: exit 2, the control characters shown as \\xHH', async (args) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('\\x1b');
  });

  it('PLAN_DUCKDB_MEMORY that is no size: exit 2, said so, no stack trace', () => {
    const r = runBin(['attainment', '--engine', 'duckdb', '--as-of', '2025-12-31'], { env: { PLAN_DUCKDB_MEMORY: 'garbage' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PLAN_DUCKDB_MEMORY takes a size such as 512MB or 2GB, not "garbage"');
    expect(r.stderr).not.toContain('internal error');
  });

  // Read from the command's environment (main's io.env), as every other PLAN_ variable is.
  it('PLAN_DUCKDB_MEMORY comes from the command\'s environment, not the process\'s', async () => {
    const r = await runMain(['attainment', '--engine', 'duckdb', '--as-of', '2025-12-31'], { env: { PLAN_DUCKDB_MEMORY: '12 parsecs' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PLAN_DUCKDB_MEMORY takes a size such as 512MB or 2GB, not "12 parsecs"');
  });

  // commander printed nothing and exited 0 for help on a command it does not have.
  it.each([
    [['help', 'statu'], 'plan: help: no command "statu"; did you mean "status"?'],
    [['help', 'bogus'], 'plan: help: no command "bogus"; known: validate, schema, new,'],
  ])('%j: exit 2, said so', async (args, message) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it.each([['help', 'status'], ['help', 'data'], ['help']])('%j still prints the help, exit 0', async (...args) => {
    const r = await runMain(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: plan/);
  });

  // The year after 9999 has no days: an open-ended duty's next instance was computed there and crashed (exit 70).
  it.each([
    ['status', [], '31/12/9999'],
    ['overdue', ['--format', 'json'], '"asOf": "9999-12-31"'],
    ['report', ['--format', 'md'], '31/12/9999'],
    ['tasks', [], '31/12/9999'],
  ])('%s --as-of 9999-12-31: the report, no internal error', async (command, extra, shows) => {
    const r = await runMain([command, '--as-of', '9999-12-31', '--no-color', ...extra]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(shows);
  }, 60_000);

  // A window past 2^53 was read as another number; one past the calendar reaches no further day.
  it.each([['status'], ['overdue'], ['report']])('%s --within past the calendar: a usage error', async (command) => {
    const r = await runMain([command, '--within', '9007199254740993']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--within takes at most 3,652,058 days (0001-01-01 to 9999-12-31); got 9007199254740993');
  });

  it.each([
    [['status', '--no-attainment'], 'vi', 'trong 3.000.000 ngày tới'],
    [['status', '--no-attainment'], 'en', 'within 3,000,000 days'],
    [['overdue'], 'vi', 'trong 3.000.000 ngày tới'],
    [['report', '--format', 'md'], 'vi', 'trong 3.000.000 ngày tới'],
  ])('%j in %s writes the window with the language\'s separators', async (args, lang, shown) => {
    const r = await runMain([...args, '--within', '3000000', '--as-of', '2024-12-10', '--no-color', '--lang', lang]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(shown);
  });
});
