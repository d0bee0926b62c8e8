// The registry of responsible leaders (plans/leaders.yaml).

import { z } from 'zod';
import { Id, Text } from './common.js';

export const Leader = z.strictObject({
  id: Id,
  name: Text.meta({ description: 'Full name, e.g. "Lê Hùng Sơn".' }),
  title: Text.meta({ description: 'Position, e.g. "Phó Tổng Giám đốc".' }),
  display: Text.meta({ description: 'How a table cell names this leader, e.g. "PTGĐ Lê Hùng Sơn".' }),
  aliases: z.array(Text).optional().meta({ description: 'Other ways the documents write this leader.' }),
});

export const LeadersFile = z.strictObject({
  leaders: z.array(Leader).min(1, 'a registry lists at least one leader'),
});

export type Leader = z.infer<typeof Leader>;
export type LeadersFile = z.infer<typeof LeadersFile>;
