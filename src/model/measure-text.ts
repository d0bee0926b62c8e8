// The measure language's operators and comparisons, apart from its schemas (measure.ts): what
// interpreting a measure needs (src/report/attainment), so measuring loads no schema library.

/** The operators of a condition; every other key of a condition names a column of the dataset. */
export const CONDITION_OPERATORS = ['all', 'any', 'not', 'has', 'age', 'trained'] as const;

/** Comparison operators written before a value: `english_level: ">= 4"`, `age: "< 40"`. */
export const COMPARISON_OPERATORS = ['>=', '<=', '>', '<', '=', '!='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** Operators people write by mistake, and what they meant. */
const OPERATOR_TYPOS: Record<string, ComparisonOperator> = { '=>': '>=', '=<': '<=', '==': '=', '<>': '!=', '≥': '>=', '≤': '<=', '≠': '!=' };

export type ParsedComparison =
  | { ok: true; op: ComparisonOperator; operand: string }
  | { ok: false; written: string; guess?: ComparisonOperator };

/**
 * Whether a text value is a comparison: it starts with an operator character. `">= 4"` is one,
 * `"giam-doc"` is a plain value.
 */
export function isComparisonText(s: string): boolean {
  return /^\s*[<>=!≥≤≠]/.test(s);
}

/** Reads `">= 4"` into its operator and operand; a wrong operator comes back with a guess. */
export function parseComparison(s: string): ParsedComparison {
  const m = /^\s*([<>=!≥≤≠]+)\s*(.*?)\s*$/.exec(s);
  if (!m) return { ok: false, written: s.trim() };
  const op = m[1]!;
  if ((COMPARISON_OPERATORS as readonly string[]).includes(op) && m[2] !== '') return { ok: true, op: op as ComparisonOperator, operand: m[2]! };
  const guess = OPERATOR_TYPOS[op];
  return guess ? { ok: false, written: op, guess } : { ok: false, written: op };
}

/** Where `trained` looks for trainings: the evaluated period, the decision's term, any time, or a period phrase. */
export const TRAINED_WINDOWS = ['period', 'term', 'ever'] as const;
