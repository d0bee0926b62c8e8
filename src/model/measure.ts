// The measure language: how a target is counted from data. Plain data validated here and by
// src/load/rules/measures.ts; src/report/attainment/compile.ts interprets it. Never evaluated as code.

import { z } from 'zod';
import { Id, Text } from './common.js';

/** A column name of a dataset: lower-case snake_case ("english_level"). */
export const ColumnName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'a column name is lower-case snake_case, such as "english_level"');

// The parts of the language that interpreting a measure needs, without zod (measure-text.ts).
export { COMPARISON_OPERATORS, CONDITION_OPERATORS, TRAINED_WINDOWS, isComparisonText, parseComparison, type ComparisonOperator, type ParsedComparison } from './measure-text.js';

export const Trained = z.strictObject({
  topic: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .meta({ description: 'A training topic, or a list of topics (any of them); absent: any topic.' }),
  in: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'When the training took place: "period" (default: the year evaluated), "term" (the decision\'s term up to the period\'s end), "ever", or a period phrase such as "2022 - 2025".',
    }),
  abroad: z.boolean().optional().meta({ description: 'Only trainings abroad (true) or at home (false).' }),
});

export type Trained = z.infer<typeof Trained>;

/**
 * A condition on one row. Keys are operators or column names; several keys must all hold.
 *
 * - `column: value` equality; `column: [a, b]` membership; `column: ">= 4"` comparison;
 *   a list column (tags) holds when it contains the value; a unit column also takes
 *   `{ level, kind, tag, in }` (unit attributes through the registry).
 * - `all: [..]`, `any: [..]`, `not: {..}`; `has: tag` (the dataset's tags column);
 *   `age: "< 40"` (as of the period's last day, from the birth year); `trained: {topic, in, abroad}`.
 */
export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  has?: string | string[];
  age?: string | number | number[];
  trained?: Trained;
  [column: string]: unknown;
}

export const Condition: z.ZodType<Condition> = z
  .object({
    get all() {
      return z.array(Condition).min(1).optional().meta({ description: 'Every condition of the list holds.' });
    },
    get any() {
      return z.array(Condition).min(1).optional().meta({ description: 'At least one condition of the list holds.' });
    },
    get not() {
      return Condition.optional().meta({ description: 'The condition does not hold.' });
    },
    has: z
      .union([Id, z.array(Id).min(1)])
      .optional()
      .meta({ description: 'The row\'s tags include this tag (or any of these tags).' }),
    age: z
      .union([z.string(), z.number().int(), z.array(z.number().int()).min(1)])
      .optional()
      .meta({ description: 'Age in whole years on the period\'s last day, from the birth year: "< 40", ">= 55", 30.' }),
    trained: Trained.optional().meta({ description: 'The person has a training record matching this (joined from the trainings dataset).' }),
  })
  // Column names depend on the dataset; src/load/rules/measures.ts checks them with positions.
  .catchall(
    z.unknown().meta({
      description:
        'A column of the dataset: a value (equality), a list (any of), a comparison such as ">= 4", or for a unit column { level, kind, tag, in }.',
    }),
  )
  .meta({ id: 'condition' });

/** Unit attributes a unit column can be tested on, through the registry. */
export const UNIT_LEVELS = ['central', 'province', 'district'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UNIT_TEST_KEYS = ['level', 'kind', 'tag', 'in'] as const;

export const PeopleMeasure = z.strictObject({
  people: Id.meta({ description: 'The person-level dataset counted (kind: people in plans/datasets.yaml), e.g. staff.' }),
  population: Condition.optional().meta({ description: 'Who is counted (the denominator); absent: everyone active in the period.' }),
  achieved: Condition.meta({ description: 'Who of the population meets the target (the numerator).' }),
  note: Text.optional().meta({ description: 'How the sentence was read into this measure.' }),
});

export const TotalsMeasure = z.strictObject({
  totals: Id.meta({ description: 'The aggregate dataset summed (kind: totals in plans/datasets.yaml), e.g. coverage.' }),
  numerator: ColumnName.meta({ description: 'The numeric column summed for the numerator.' }),
  denominator: ColumnName.meta({ description: 'The numeric column summed for the denominator.' }),
  where: Condition.optional().meta({ description: 'Which rows are summed (besides the year).' }),
  baseline: z.number().int().min(1900).max(2200).optional().meta({ description: 'Base year of the trajectory (default: the first year in the data).' }),
  note: Text.optional(),
});

export const NoMeasure = z.strictObject({
  none: Text.meta({ description: 'Why no dataset can measure this target; it shows as "no data" with this reason.' }),
});

export const Measure = z.union([PeopleMeasure, TotalsMeasure, NoMeasure]);

export type PeopleMeasure = z.infer<typeof PeopleMeasure>;
export type TotalsMeasure = z.infer<typeof TotalsMeasure>;
export type NoMeasure = z.infer<typeof NoMeasure>;
export type Measure = z.infer<typeof Measure>;
