// --format: the names each command takes (as README documents them), an unknown one a usage error
// listing them; and every registry holds exactly the names the CLI lists without loading it.
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/render/formats.js';
import { UNIT_FORMATS } from '../../src/render/units.js';
import { LEADER_FORMATS } from '../../src/render/leaders.js';
import { TASK_FORMATS } from '../../src/render/tasks.js';
import { TARGET_FORMATS } from '../../src/render/targets.js';
import { STATUS_FORMATS } from '../../src/render/status.js';
import { APPENDIX_FORMATS } from '../../src/render/appendix-formats.js';
import { DIFF_FORMATS } from '../../src/render/diff.js';
import { OVERDUE_FORMATS } from '../../src/render/overdue.js';
import { ATTAINMENT_FORMATS } from '../../src/render/attainment.js';
import { REPORT_FORMATS } from '../../src/render/report-formats.js';
import { VALIDATE_FORMATS } from '../../src/render/diagnostics.js';
import { INSPECT_FORMATS } from '../../src/render/data-inspect.js';
import { runMain } from '../helpers/cli.js';

// Written out here, not read from src/render/formats.ts (the code under test).
const DOCUMENTED: [string[], string][] = [
  [['validate'], 'text, json, github'],
  [['units'], 'table, json'],
  [['leaders'], 'table, json'],
  [['tasks'], 'table, md, csv, json, xlsx'],
  [['targets'], 'table, md, csv, json, xlsx'],
  [['status'], 'table, md, json, csv, xlsx'],
  [['render', '88'], 'table, md, html, csv, json, docx, xlsx'],
  [['diff'], 'table, md, json'],
  [['overdue'], 'table, md, csv, json, github, xlsx'],
  [['attainment'], 'table, md, csv, json, xlsx'],
  [['report'], 'md, html, docx'],
  [['data', 'inspect', 'data/sample/staff.csv'], 'table, json'],
];

describe('--format', () => {
  it.each(DOCUMENTED)('plan %j --format xml is a usage error naming %s', async (args, names) => {
    const r = await runMain([...args, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`error: option '--format <format>' argument 'xml' is invalid. Allowed choices are ${names}.`);
  });

  it('the names the CLI lists are the keys of each registry, in the same set', () => {
    const registries = {
      validate: VALIDATE_FORMATS,
      units: UNIT_FORMATS,
      leaders: LEADER_FORMATS,
      tasks: TASK_FORMATS,
      targets: TARGET_FORMATS,
      status: STATUS_FORMATS,
      render: APPENDIX_FORMATS,
      diff: DIFF_FORMATS,
      overdue: OVERDUE_FORMATS,
      attainment: ATTAINMENT_FORMATS,
      report: REPORT_FORMATS,
      'data-inspect': INSPECT_FORMATS,
    };
    expect(Object.keys(registries).sort()).toEqual(Object.keys(FORMAT_NAMES).sort());
    for (const [report, registry] of Object.entries(registries)) expect(Object.keys(registry).sort(), report).toEqual([...FORMAT_NAMES[report as keyof typeof FORMAT_NAMES]].sort());
  });

  it('each command writes its first format when --format is left out', async () => {
    const [table, byDefault] = await Promise.all([runMain(['units', '--format', 'table']), runMain(['units'])]);
    expect(byDefault.stdout).toBe(table.stdout);
    expect(byDefault.stdout.startsWith('{')).toBe(false);
  });
});
