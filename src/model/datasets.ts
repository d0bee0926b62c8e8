// Dataset definitions (plans/datasets.yaml): the CSV files targets are measured from, their
// columns, types and header aliases, and the default file of each.

import { z } from 'zod';
import { Id, Text } from './common.js';
import { ColumnName } from './measure.js';

export const COLUMN_TYPES = ['text', 'enum', 'integer', 'boolean', 'date', 'list', 'unit'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const DatasetColumn = z.strictObject({
  name: ColumnName.meta({ description: 'The canonical column name, used by measures and as the canonical CSV header.' }),
  type: z.enum(COLUMN_TYPES).meta({
    description:
      'text; enum (one of `values`); integer (whole number, optionally between min and max); boolean (true/false, also 1/0, có/không); date (YYYY-MM-DD); list (`;`-separated values); unit (a unit id of the registry).',
  }),
  required: z.boolean().optional().meta({ description: 'The header must be present and every cell filled (default false).' }),
  aliases: z.array(Text).optional().meta({ description: 'Other headers that mean this column, e.g. "Mã cán bộ" in an HR export; matched ignoring case, diacritic form, spaces and trailing marks such as ":" or "(*)".' }),
  value_aliases: z
    .record(z.string().min(1), z.array(Text).min(1))
    .optional()
    .meta({
      description:
        'Cell texts that mean a value, keyed by the value: `cong-chuc: [Công chức, CC]` for an enum or list; `"4": [Bậc 4, B2]` for an integer scale; `"true": [Có, x]` for a boolean. Matched like headers.',
    }),
  values: z.array(z.string().min(1)).min(1).optional().meta({ description: 'The allowed values of an enum or list column.' }),
  empty_means: z.boolean().optional().meta({ description: 'boolean: what an empty cell means, for a checkmark column ("x" for yes, blank for no); default: unknown.' }),
  min: z.number().optional().meta({ description: 'Smallest allowed value of an integer column.' }),
  max: z.number().optional().meta({ description: 'Largest allowed value of an integer column.' }),
  description: Text.optional(),
});

/** How dates may be written in a data file's text cells; day first always (never month first). */
export const DATE_FORMS = ['yyyy-mm-dd', 'dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy'] as const;
export type DateForm = (typeof DATE_FORMS)[number];

/** How whole numbers may be written: plain digits; Vietnamese ("1.234.567", space groups too); or detect (Vietnamese grouping read only when unambiguous). */
export const NUMBER_FORMATS = ['plain', 'vi', 'detect'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

export const DATASET_KINDS = ['people', 'events', 'totals'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export const Dataset = z.strictObject({
  id: Id,
  title: Text,
  kind: z.enum(DATASET_KINDS).meta({
    description:
      'people: one row per person (measures count them); events: dated rows about people of another dataset (trainings); totals: aggregate figures by dimension columns (coverage, budget).',
  }),
  file: Text.meta({ description: 'The default CSV file, relative to this YAML file; a command-line flag replaces it.' }),
  columns: z.array(DatasetColumn).min(1),
  key: ColumnName.optional().meta({ description: 'people: the column that identifies a person (unique).' }),
  unit: ColumnName.optional().meta({ description: 'people, totals: the unit column, for breakdowns by unit.' }),
  birth_year: ColumnName.optional().meta({ description: 'people: the birth-year column `age` is computed from.' }),
  active_from: ColumnName.optional().meta({ description: 'people: first day the person is active (empty: always was).' }),
  active_to: ColumnName.optional().meta({ description: 'people: last day the person is active (empty: still is).' }),
  tags: ColumnName.optional().meta({ description: 'people: the list column `has:` looks in.' }),
  of: Id.optional().meta({ description: 'events: the people dataset the rows are about.' }),
  person: ColumnName.optional().meta({ description: 'events: the column holding the person\'s key.' }),
  date: ColumnName.optional().meta({ description: 'events: the date column.' }),
  topic: ColumnName.optional().meta({ description: 'events: the column `trained: { topic }` matches.' }),
  abroad: ColumnName.optional().meta({ description: 'events: the boolean column `trained: { abroad }` matches.' }),
  year: ColumnName.optional().meta({ description: 'totals: the year column.' }),
  birth_date: ColumnName.optional().meta({ description: 'people: the birth-date column ("Ngày sinh"); gives birth_year when the file has none, and `age` exactly as of the period\'s last day.' }),
  date_forms: z.array(z.enum(DATE_FORMS)).min(1).optional().meta({ description: `How text cells of date columns may be written (default: all of ${DATE_FORMS.join(', ')}; day first always).` }),
  number_format: z.enum(NUMBER_FORMATS).optional().meta({ description: 'How integer cells may be written: plain digits, vi ("1.234.567", "1 234 567"), or detect (default: Vietnamese grouping read only when it cannot mean anything else).' }),
  synthetic: z.boolean().optional().meta({ description: 'The default file is synthetic sample data: every output measured on it says so.' }),
});

export const DatasetsFile = z.strictObject({
  datasets: z.array(Dataset).min(1, 'a datasets file defines at least one dataset'),
});

export type DatasetColumn = z.infer<typeof DatasetColumn>;
export type Dataset = z.infer<typeof Dataset>;
export type DatasetsFile = z.infer<typeof DatasetsFile>;

/** The role keys of a dataset definition that name one of its columns. */
export const ROLE_KEYS = ['key', 'unit', 'birth_year', 'birth_date', 'active_from', 'active_to', 'tags', 'person', 'date', 'topic', 'abroad', 'year'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** Which roles each kind takes, which it needs, and the column type each role needs. */
export const ROLES: Record<DatasetKind, { allowed: RoleKey[]; required: RoleKey[] }> = {
  people: { allowed: ['key', 'unit', 'birth_year', 'birth_date', 'active_from', 'active_to', 'tags'], required: ['key'] },
  events: { allowed: ['person', 'date', 'topic', 'abroad'], required: ['person', 'date'] },
  totals: { allowed: ['unit', 'year'], required: ['year'] },
};

export const ROLE_TYPES: Record<RoleKey, ColumnType[]> = {
  key: ['text'],
  unit: ['unit'],
  birth_year: ['integer'],
  birth_date: ['date'],
  active_from: ['date'],
  active_to: ['date'],
  tags: ['list'],
  person: ['text'],
  date: ['date'],
  topic: ['enum', 'text'],
  abroad: ['boolean'],
  year: ['integer'],
};
