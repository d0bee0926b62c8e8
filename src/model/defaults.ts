// Defaults the reports and the CLI both need, written once. No imports: the CLI's start-up chunk holds it.

/** Breakdown groups of fewer people than this are suppressed (--min-cell). */
export const DEFAULT_MIN_CELL = 5;
