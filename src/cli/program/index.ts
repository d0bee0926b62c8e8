// Every command, in the order `plan --help` lists them. A new command: a file here (its Define),
// a run module in ../commands/, and a line below.

import { attainment } from './attainment.js';
import { data } from './data.js';
import { diff } from './diff.js';
import { importCommand } from './import.js';
import { leaders } from './leaders.js';
import { newDecision } from './new.js';
import { overdue } from './overdue.js';
import { record } from './record.js';
import { render } from './render.js';
import { report } from './report.js';
import type { Define } from './session.js';
import { schema } from './schema.js';
import { status } from './status.js';
import { targets } from './targets.js';
import { tasks } from './tasks.js';
import { units } from './units.js';
import { validate } from './validate.js';

export const COMMANDS: readonly Define[] = [validate, schema, newDecision, units, leaders, tasks, targets, status, render, diff, overdue, record, attainment, report, importCommand, data];
