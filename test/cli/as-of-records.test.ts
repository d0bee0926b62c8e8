// Issue 9, defect 12: a record dated after the as-of day does not count yet, in every derived
// state; `plan occurred` inserts after the period as README says; task JSON carries the notes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { tempPlans, type TempPlans } from '../helpers/temp-plans.js';

let temp: TempPlans | undefined;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

interface TaskJson {
  id: string;
  state: string;
  lastNote: string | null;
  notes: { on: string; note: string }[];
}

async function task(dir: string, id: string, asOf: string): Promise<TaskJson> {
  const r = await runMain(['tasks', '--decision', '88', '--as-of', asOf, '--format', 'json'], { cwd: dir });
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { tasks: TaskJson[] }).tasks.find((t) => t.id === id)!;
}

describe('recording in the past and the future', () => {
  // Task 1.1 of 88/QĐ-BHXH runs Tháng 01/2024 – Tháng 12/2024: open all year without a record.
  it('a progress note recorded for 10 April does not make the task in progress as of 5 January', async () => {
    temp = tempPlans('plans');
    expect((await runMain(['progress', '88', '1.1', '--note', 'Đã họp', '--on', '2024-04-10'], { cwd: temp.dir })).code).toBe(0);
    expect(await task(temp.dir, '1.1', '2024-01-05')).toMatchObject({ state: 'open', lastNote: null, notes: [] });
    expect(await task(temp.dir, '1.1', '2024-04-10')).toMatchObject({ state: 'in-progress', lastNote: '2024-04-10', notes: [{ on: '2024-04-10', note: 'Đã họp' }] });
  });

  it('the status record is dated with the note, and an earlier note moves that day back', async () => {
    temp = tempPlans('plans');
    await runMain(['progress', '88', '1.1', '--note', 'Lần hai', '--on', '2024-04-10'], { cwd: temp.dir });
    await runMain(['progress', '88', '1.1', '--note', 'Lần một', '--on', '2024-02-01'], { cwd: temp.dir });
    const text = readFileSync(join(temp.dir, 'plans/qd-88-bhxh-2024.yaml'), 'utf8');
    expect(text).toContain(
      ['            status:', '              state: in-progress', '              on: 2024-02-01', '              notes:', '                - on: 2024-04-10', '                  note: Lần hai', '                - on: 2024-02-01', '                  note: Lần một'].join('\n'),
    );
    expect((await task(temp.dir, '1.1', '2024-03-01')).notes).toEqual([{ on: '2024-02-01', note: 'Lần một' }]);
    expect((await task(temp.dir, '1.1', '2024-05-01')).notes).toEqual([
      { on: '2024-02-01', note: 'Lần một' },
      { on: '2024-04-10', note: 'Lần hai' },
    ]);
  });

  it('plan occurred writes occurred and within right after the period, before the leader', async () => {
    temp = tempPlans('plans');
    const r = await runMain(['occurred', '88', '1.3', '--on', '2024-09-15', '--within', '3 tháng', '--as-of', '2024-09-15'], { cwd: temp.dir });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(temp.dir, 'plans/qd-88-bhxh-2024.yaml'), 'utf8');
    expect(text).toContain(['              chi phí quản lý BHXH, BHTN, BHYT', '            occurred: 2024-09-15', '            within: 3 tháng', '            leader: ptgd-le-hung-son'].join('\n'));
    // Recorded for 15 September: still waiting as of 1 September, due 15 December once it happened.
    expect((await task(temp.dir, '1.3', '2024-09-01')).state).toBe('waiting');
    expect((await task(temp.dir, '1.3', '2024-10-01')).state).toBe('open');
  });
});
