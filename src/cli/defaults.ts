// Defaults written once: the help texts, the option parsers and the commands read them from here.
// Light (no code beyond constants), so the start-up chunk can hold it.

/** --plans, when PLAN_DIR is not set either. */
export const DEFAULT_PLANS_DIR = 'plans';
/** --within for tasks, status, render --with-status and report: days ahead that count as due soon. */
export const DEFAULT_WITHIN_DAYS = 30;
/** --min-cell: breakdown groups of fewer people than this are suppressed (the report's default too). */
export { DEFAULT_MIN_CELL } from '../model/defaults.js';
/** --year's range, and --min-cell's upper bound. */
export const YEAR_RANGE = [1900, 2200] as const;
export const MAX_MIN_CELL = 1_000_000;
