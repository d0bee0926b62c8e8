// A decision file: metadata, appendix tables and body sections of tasks, targets, reporting duties.

import { z } from 'zod';
import { Id, IsoDate, LeaderRef, Phrase, TaskId, Text, UnitRef } from './common.js';
import { Measure } from './measure.js';

export const TASK_STATES = ['not-started', 'in-progress', 'done', 'cancelled'] as const;

/**
 * One instance of a recurring duty or task recorded as done: the period it covers ("2025" for a
 * yearly one, "2025-H1"/"2025-H2" for two a year, "2025-Q3", "2025-07") and the day.
 */
export const Submission = z.strictObject({
  period: z
    .string()
    .regex(/^\d{4}(?:-(?:H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, 'a period such as 2025, 2025-H1, 2025-Q3 or 2025-07'),
  on: IsoDate,
});

export const ProgressNote = z.strictObject({
  on: IsoDate,
  note: Text,
});

/** What an analyst records about a task; the bundled plans record none (not-started). */
export const Status = z
  .strictObject({
    state: z.enum(TASK_STATES),
    on: IsoDate.optional().meta({ description: 'The day the task was done or cancelled (required for those states), or, in progress, the day work started.' }),
    reason: Text.optional().meta({ description: 'Why a task was cancelled.' }),
    notes: z.array(ProgressNote).optional().meta({ description: 'Dated progress notes.' }),
    done_periods: z.array(Submission).optional().meta({ description: 'For a recurring task ("Hằng năm"): the periods done, each with its day.' }),
  })
  .refine((s) => !(s.state === 'done' || s.state === 'cancelled') || s.on !== undefined, {
    message: 'a done or cancelled task needs the day it happened: add `on: YYYY-MM-DD`',
    path: ['on'],
  });

export const Duration = z
  .string()
  .regex(/^\d+ (?:ngày|tháng|năm|days?|months?|years?)$/, 'a duration such as "30 ngày", "3 tháng", "1 năm", "30 days"');

export const Task = z.strictObject({
  id: TaskId,
  no: z.string().optional().meta({ description: 'The number the document shows, where it differs from id (may be empty).' }),
  content: Text.meta({ description: 'The task as the document writes it, verbatim.' }),
  lead: UnitRef.optional().meta({ description: 'Lead unit (đơn vị chủ trì); inherited from the group when absent.' }),
  support: UnitRef.optional().meta({ description: 'Supporting units (đơn vị phối hợp).' }),
  leader: LeaderRef.optional().meta({ description: 'Responsible leader (lãnh đạo phụ trách).' }),
  start: Phrase.optional().meta({ description: 'Start period phrase; the task starts on its first day.' }),
  due: Phrase.optional().meta({ description: 'Finish period phrase; the task is due on its last day.' }),
  when: Phrase.optional().meta({ description: 'One period cell covering start and finish ("2022 - 2025", "Sau khi …").' }),
  depends_on: z.array(TaskId).optional().meta({ description: 'Tasks this one waits for ("Theo Kế hoạch kiểm tra, giám sát" → the task that makes that plan).' }),
  occurred: IsoDate.optional().meta({ description: 'For a task waiting on an event: the day the event happened.' }),
  within: Duration.optional().meta({ description: 'Time allowed after the event, e.g. "3 tháng".' }),
  product: Text.optional().meta({ description: 'Deliverable (sản phẩm), verbatim.' }),
  status: Status.optional(),
});

/** A row of a content table (456/QĐ-BHXH Phụ lục I): what to train on, and how. */
export const ContentItem = z.strictObject({
  id: TaskId,
  no: z.string().optional(),
  content: Text,
  mode: Text.meta({ description: 'Phương thức, e.g. "Trong nước và quốc tế".' }),
});

export const Group = z.strictObject({
  no: z.string().meta({ description: 'The group\'s number as the document shows it: "1", "I", "V.1".' }),
  title: Text.optional().meta({ description: 'The group row\'s text; absent when the row is the lead unit\'s name.' }),
  lead: UnitRef.optional().meta({ description: 'Lead unit for every task of the group.' }),
  declared_count: z.number().int().nonnegative().optional().meta({ description: 'The task count the document states for this group.' }),
  tasks: z.array(Task).optional(),
  contents: z.array(ContentItem).optional(),
});

export const COLUMN_FIELDS = ['no', 'content', 'count', 'lead', 'support', 'start', 'due', 'when', 'leader', 'product', 'mode'] as const;

export const Column = z.strictObject({
  field: z.enum(COLUMN_FIELDS),
  header: Text.meta({ description: 'The column header exactly as the document writes it.' }),
});

export const Appendix = z.strictObject({
  id: Id,
  label: Text.optional().meta({ description: 'The appendix heading, e.g. "PHỤ LỤC II".' }),
  title: Text,
  note: Text.optional().meta({ description: 'The line under the title, e.g. "(Ban hành kèm theo Quyết định số …)".' }),
  columns: z.array(Column).min(1, 'an appendix shows at least one column'),
  declared_total: z.number().int().nonnegative().optional().meta({ description: 'The total the document states ("TỔNG SỐ 40").' }),
  total_label: Text.optional().meta({ description: 'The total row\'s label, e.g. "TỔNG SỐ".' }),
  groups: z.array(Group).min(1, 'an appendix has at least one group'),
});

export const COMPARATORS = ['at_least', 'at_most', 'more_than'] as const;

export const TARGET_KINDS = ['numeric', 'milestone', 'ongoing'] as const;

export const Target = z
  .strictObject({
    id: Id,
    text: Text.meta({ description: 'The target sentence, verbatim.' }),
    section: z.string().meta({ description: 'Where the sentence stands, e.g. "2.2.c".' }),
    subject: Text.optional().meta({ description: 'What this target counts, when the sentence holds several.' }),
    short: Text.max(40).optional().meta({ description: 'A short Vietnamese label for charts and narrow tables (at most 40 characters), e.g. "Tham gia BHXH 2025".' }),
    kind: z.enum(TARGET_KINDS).optional().meta({
      description: 'numeric (default): a share against a threshold; milestone: something to complete by a year; ongoing: a standing aim with no figure.',
    }),
    comparator: z.enum(COMPARATORS).optional().meta({ description: '"tối thiểu" / bare "đạt X%" → at_least; "tối đa" → at_most; "trên" → more_than.' }),
    threshold: z.number().min(0).max(100).optional().meta({ description: 'Percentage.' }),
    every: z.literal('year').optional().meta({ description: 'Applies each year ("Hằng năm").' }),
    by: z.number().int().min(1900).max(2200).optional().meta({ description: 'Applies at the end of this year ("Đến năm 2025").' }),
    measure: Measure.optional().meta({
      description:
        'How the target is counted from data: { people, population, achieved } over a person-level dataset, { totals, numerator, denominator, where } over aggregate figures, or { none: reason }.',
    }),
  })
  .refine((t) => (t.kind ?? 'numeric') !== 'numeric' || (t.comparator !== undefined && t.threshold !== undefined), {
    message: 'a numeric target needs a comparator and a threshold',
  })
  .refine((t) => t.kind === 'ongoing' || (t.every === undefined) !== (t.by === undefined), {
    message: 'a target applies either `every: year` or `by: YEAR`, exactly one of them',
  });

export const Reporting = z.strictObject({
  id: Id,
  text: Text.meta({ description: 'The sentence that sets the duty, verbatim.' }),
  section: z.string().optional(),
  from: UnitRef.optional().meta({ description: 'Who reports.' }),
  to: UnitRef.meta({ description: 'Who receives the report.' }),
  due: z.array(Phrase).min(1).meta({ description: 'Deadlines each year, e.g. ["trước ngày 01 tháng 6", "trước ngày 15 tháng 11"], or ["Hằng năm"].' }),
  first: z.number().int().optional().meta({ description: 'First year the duty applies; default the decision\'s term.' }),
  last: z.number().int().optional().meta({ description: 'Last year the duty applies; default the decision\'s term (open when it has none).' }),
  submitted: z.array(Submission).optional(),
});

export const DecisionMeta = z.strictObject({
  number: Text.meta({ description: 'The document number as written, e.g. "88/QĐ-BHXH".' }),
  title: Text,
  issuer: Text.meta({ description: 'The issuing body as written.' }),
  signed: IsoDate,
  signer: Text,
  signer_title: Text.optional(),
  place: Text.optional(),
  term: Phrase.optional().meta({ description: 'The period the decision covers, e.g. "2021 - 2025".' }),
  legal_basis: z.array(Text).optional(),
  source: Text.optional().meta({ description: 'The source text this file encodes.' }),
});

export const DecisionFile = z.strictObject({
  decision: DecisionMeta,
  appendices: z.array(Appendix).optional(),
  sections: z.array(Group).optional().meta({ description: 'Tasks of the decision\'s body, grouped by section.' }),
  targets: z.array(Target).optional(),
  reporting: z.array(Reporting).optional(),
});

export type Task = z.infer<typeof Task>;
export type ContentItem = z.infer<typeof ContentItem>;
export type Group = z.infer<typeof Group>;
export type Appendix = z.infer<typeof Appendix>;
export type Target = z.infer<typeof Target>;
export type Reporting = z.infer<typeof Reporting>;
export type DecisionMeta = z.infer<typeof DecisionMeta>;
export type DecisionFile = z.infer<typeof DecisionFile>;
export type TaskState = (typeof TASK_STATES)[number];
export type Comparator = (typeof COMPARATORS)[number];
export type TargetKind = (typeof TARGET_KINDS)[number];
export type ColumnField = (typeof COLUMN_FIELDS)[number];
