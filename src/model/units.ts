// The registry of organisations (plans/units.yaml).

import { z } from 'zod';
import { Id, Text } from './common.js';

export const UNIT_KINDS = ['agency', 'central', 'province', 'district', 'external', 'group'] as const;

export const Unit = z.strictObject({
  id: Id,
  code: Text.optional().meta({ description: 'The short code the documents use: TCCB, PC, CNTT, KHĐT …' }),
  name: Text.meta({ description: 'Vietnamese name as the registry spells it.' }),
  name_en: Text.meta({ description: 'English name.' }),
  kind: z.enum(UNIT_KINDS).meta({
    description:
      'agency: Bảo hiểm xã hội Việt Nam as a whole; central: a unit of its central apparatus; province / district: a local BHXH; external: a ministry or other body; group: a collective such as "BHXH các tỉnh, thành phố".',
  }),
  aliases: z.array(Text).optional().meta({ description: 'Other ways the documents write this unit\'s name.' }),
  tags: z.array(Id).optional().meta({ description: 'Attributes used by target measures, e.g. dong-dtts for provinces with many ethnic-minority residents.' }),
  parent: Id.optional().meta({ description: 'The unit this one belongs to (a district\'s province).' }),
  members: z
    .array(z.enum(UNIT_KINDS))
    .optional()
    .meta({ description: 'For a group: the kinds of unit it stands for, so a unit filter also finds the group\'s tasks.' }),
});

export const UnitsFile = z.strictObject({
  units: z.array(Unit).min(1, 'a registry lists at least one unit'),
});

export type Unit = z.infer<typeof Unit>;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type UnitsFile = z.infer<typeof UnitsFile>;
