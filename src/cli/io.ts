// The world a command sees: streams, working directory, environment. Tests pass their own.

export interface Out {
  // Bytes for a binary format (a workbook); text otherwise.
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Today's local calendar day, YYYY-MM-DD (injected so commands never read the clock themselves). */
  today: () => string;
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

/** Stop with this exit code; what needed saying has been written. */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
