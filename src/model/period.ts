// The normalised form of a period phrase ("Tháng 01/2024", "Quý III/2023", "Thường xuyên" …).

export const PERIOD_KINDS = [
  'day',
  'month',
  'quarter',
  'half',
  'year',
  'year-range',
  /** Several consecutive months or quarters, or from one period to another: "Tháng 3-4/2026", "Quý I - Quý III/2026". */
  'range',
  'annual-deadline',
  'ongoing',
  'recurring',
  'waiting',
] as const;

export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Recurrence = 'year' | 'half' | 'quarter' | 'month';

/**
 * A period phrase read into calendar days. `from` and `to` are the first and last day (inclusive),
 * null where the phrase leaves them open (an ongoing duty, an event not yet recorded).
 */
export interface Period {
  /** The phrase as written in the plan file. */
  text: string;
  kind: PeriodKind;
  from: string | null;
  to: string | null;
  /** recurring: how often an instance falls due. */
  every?: Recurrence;
  /** annual-deadline: "trước ngày 15 tháng 11" is due the day before 15 November, each year. */
  before?: { month: number; day: number };
  /** waiting: the event or guidance the period depends on, as written after "Sau khi" / "Theo". */
  event?: string;
  /** The task gives no period of its own; this is its decision's term. */
  fromTerm?: boolean;
}
