import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('plan schema', () => {
  it.each(['decision', 'units', 'leaders'])('the committed plans/schema/%s.schema.json is what `plan schema` prints', async (kind) => {
    const r = await runMain(['schema', kind]);
    expect(r.code).toBe(0);
    expect(readFileSync(`plans/schema/${kind}.schema.json`, 'utf8')).toBe(r.stdout);
    const schema = JSON.parse(r.stdout) as { $schema: string; additionalProperties: boolean };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
  });

  it('every plan file names the schema of its kind on its first line', () => {
    for (const file of yamlFiles('plans')) {
      const text = readFileSync(file, 'utf8');
      const first = text.split('\n')[0]!;
      const kind = /^decision:/m.test(text) ? 'decision' : /^units:/m.test(text) ? 'units' : /^leaders:/m.test(text) ? 'leaders' : /^datasets:/m.test(text) ? 'datasets' : '?';
      expect(first, file).toBe(`# yaml-language-server: $schema=./schema/${kind}.schema.json`);
    }
  });

  // The contract's global options are every command's: a script that passes them to each is not refused.
  it('takes the global options as every command does (the schema is the same)', async () => {
    const plain = await runMain(['schema', 'units']);
    const r = await runMain(['schema', 'units', '--plans', 'plans', '--as-of', '2025-01-01', '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    const bad = await runMain(['schema', '--as-of', '2025-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of takes a calendar day');
  });

  it('rejects an unknown kind (exit 2)', async () => {
    const r = await runMain(['schema', 'budget']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan: no schema "budget"; kinds: decision, units, leaders/);
  });
});

describe('plan units', () => {
  it('lists the registry as JSON with the contract fields', async () => {
    const r = await runMain(['units', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { schemaVersion: number; units: Record<string, unknown>[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.units.find((u) => u['id'] === 'vu-tckt')).toMatchObject({
      code: 'TCKT',
      name: 'Vụ Tài chính - Kế toán',
      nameEn: 'Department of Finance and Accounting',
      kind: 'central',
      aliases: ['Vụ Tài chính-Kế toán', 'Vụ TCKT'],
    });
    for (const code of ['TCCB', 'PC', 'GĐĐT', 'TST', 'CSXH', 'TTKT', 'TCKT', 'HTQT', 'KTNB', 'KHĐT', 'CNTT', 'CSYT']) {
      expect(json.units.some((u) => u['code'] === code), code).toBe(true);
    }
  });

  it('filters by kind and prints a table', async () => {
    const r = await runMain(['units', '--kind', 'group'], { env: { COLUMNS: '100' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bhxh-tinh');
    expect(r.stdout).not.toContain('vu-tckt');
    expect(r.stdout).toMatch(/\d+ đơn vị\n$/);
  });

  it('rejects an unknown kind with a suggestion', async () => {
    const r = await runMain(['units', '--kind', 'provnce']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: no unit kind "provnce"; did you mean "province"?\n');
  });
});

describe('help and usage', () => {
  it.each(['validate', 'schema', 'units', 'tasks'])('plan %s --help ends with examples', async (cmd) => {
    const r = await runMain([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n(  \$ plan .+\n)+$/);
  });

  it('prints help with no arguments and exits 0', async () => {
    const r = await runMain([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: plan');
  });

  it('prints its version', async () => {
    const r = await runMain(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('exits 2 on an unknown command or option, with a hint and no stack trace', async () => {
    const a = await runMain(['tasx']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("error: unknown command 'tasx'");
    const b = await runMain(['tasks', '--decison', '88']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("error: unknown option '--decison'");
    expect(b.stderr).toContain('--decision');
    expect(a.stderr + b.stderr).not.toMatch(/\n\s+at /);
  });
});
