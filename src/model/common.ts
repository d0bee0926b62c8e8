// Schema pieces shared by every plan file: ids, calendar days, text, references.

import { z } from 'zod';
import { isIsoDay } from '../period/calendar.js';

/** A registry or file id: lower-case letters, digits and hyphens ("vu-tckt", "ptgd-le-hung-son"). */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case ASCII letters, digits and single hyphens, such as "vu-tckt"');

/** The document's own numbering of a task or row: "1.1", "3.4", "IX.2", "6.1.a". */
export const TaskId = z
  .string()
  .regex(/^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/, 'a task id is the document numbering, such as "1.1", "IX.2" or "6.1.a"');

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, { message: 'a date is written YYYY-MM-DD, such as 2024-01-30', abort: true })
  .refine(isIsoDay, { message: 'not a day of the calendar', params: { code: 'DATE_INVALID' } });

/** Non-empty text, kept verbatim. */
export const Text = z.string().min(1, 'must not be empty');

/** A period phrase such as "Tháng 01/2024", "Quý III/2023", "Thường xuyên"; read by src/period. */
export const Phrase = Text.meta({
  description: 'A period phrase as the document writes it: "Tháng 01/2024", "Quý III/2023", "Năm 2025", "2022 - 2025", "Thường xuyên", "Sau khi …", or ISO "2024-06-30", "2023-Q3".',
});

/** Units named by a table cell: registry ids, plus the cell as written so renders reproduce it. */
export const UnitRef = z.union([
  Id.meta({ description: 'One unit id; the cell reads as the unit\'s registry name.' }),
  z.strictObject({
    units: z.array(Id).meta({ description: 'The registry ids of every unit the cell names.' }),
    as_written: Text.meta({ description: 'The cell exactly as the document writes it.' }),
  }),
]);

/** Responsible leaders: registry ids, plus the cell as written. */
export const LeaderRef = z.union([
  Id.meta({ description: 'One leader id; the cell reads as the leader\'s registry display name.' }),
  z.strictObject({
    leaders: z.array(Id).min(1, 'name at least one leader'),
    as_written: Text,
  }),
]);

export type UnitRef = z.infer<typeof UnitRef>;
export type LeaderRef = z.infer<typeof LeaderRef>;
