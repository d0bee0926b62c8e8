// Why a target has no verdict, or what its value so far stands on: a code with its parameters,
// never a sentence. Renderers put it into words in either language (src/render/i18n/messages.ts).

export type Reason =
  /** A milestone to reach by a year: no data measures it. */
  | { code: 'milestone'; by: number | null }
  /** A standing aim with no figure. */
  | { code: 'standing-aim' }
  /** The year asked lies outside the decision's term (its phrase as written). */
  | { code: 'outside-term'; year: number; term: string }
  /** The year asked has not begun as of the day. */
  | { code: 'not-begun'; year: number; asOf: string }
  /** The period is still running until `until`: the value is the value so far. */
  | { code: 'running'; until: string }
  /** The period runs and the latest figures are for an earlier year. */
  | { code: 'latest-figures'; year: number }
  /** No one (or nothing: a denominator column's total is 0) in the period: the share is undefined. */
  | { code: 'empty-denominator'; column: string | null; period: string | null }
  /** A data file could not be read; `error` is the reader's finding. */
  | { code: 'read-failed'; file: string; error: string }
  /** No training records were read for the people dataset. */
  | { code: 'no-events'; datasets: string[] }
  /** The training records file holds none. */
  | { code: 'events-empty'; file: string }
  /** The training records end before the period. */
  | { code: 'events-end'; file: string; lastDay: string; year: number }
  /** The file lacks columns the measure names. */
  | { code: 'missing-columns'; file: string; columns: string[] }
  /** A totals file lacks its year column. */
  | { code: 'no-year-column'; file: string; column: string }
  /** A totals file has no figures for the year (or up to it); `first`–`last` is what it holds. */
  | { code: 'no-figures'; file: string; year: number; orBefore: boolean; first: number | null; last: number | null }
  /** No measure is encoded for the target. */
  | { code: 'no-measure' }
  /** The plan file says why the target is not measured (its own words, as written). */
  | { code: 'measure-none'; text: string }
  /** The measure names a dataset the registry does not have. */
  | { code: 'unknown-dataset'; dataset: string }
  /** The dataset's data was not given. */
  | { code: 'no-data'; dataset: string }
  | { code: 'not-measurable' };

export type ReasonCode = Reason['code'];
