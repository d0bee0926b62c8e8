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

/** A unit or leader as a plan file names it: its registry id, name, short code or an alias. */
const RegistryName = Text;

/** Units named by a table cell: registry ids (or names), plus the cell as written so renders reproduce it. */
export const UnitRef = z.union([
  RegistryName.meta({
    description: 'One unit: its id, registry name, short code or an alias ("vu-tccb", "Vụ Tổ chức cán bộ", "TCCB"). An id reads as the unit\'s registry name; a name is kept as written.',
  }),
  z.strictObject({
    units: z.array(RegistryName).meta({ description: 'Every unit the cell names: ids, names, short codes or aliases.' }),
    as_written: Text.meta({ description: 'The cell exactly as the document writes it.' }),
  }),
]);

/** Responsible leaders: registry ids (or names), plus the cell as written. */
export const LeaderRef = z.union([
  RegistryName.meta({
    description: 'One leader: their id, display name, name or an alias ("ptgd-le-hung-son", "PTGĐ Lê Hùng Sơn"). An id reads as the registry\'s display name; a name is kept as written.',
  }),
  z.strictObject({
    leaders: z.array(RegistryName).min(1, 'name at least one leader'),
    as_written: Text,
  }),
]);

export type UnitRef = z.infer<typeof UnitRef>;
export type LeaderRef = z.infer<typeof LeaderRef>;
