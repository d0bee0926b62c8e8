// The few things of DuckDB's connection the engine uses, a statement trace for profiling, and the
// reading of its row objects' values.

export type Conn = {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }>;
  createAppender(table: string): Promise<Appender>;
};

export async function all(conn: Conn, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjects();
}

/** PLAN_DUCKDB_TRACE=1: each statement's time and the process's memory on stderr (=full: the whole statement, as JSON), for profiling the engine. */
export function traced(conn: Conn): Conn {
  if (!process.env.PLAN_DUCKDB_TRACE) return conn;
  const time = async <T>(sql: string, f: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const r = await f();
    process.stderr.write(`duckdb ${Date.now() - t0} ms, rss ${Math.round(process.memoryUsage.rss() / 1e6)} MB: ${process.env.PLAN_DUCKDB_TRACE === 'full' ? JSON.stringify(sql) : sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);
    return r;
  };
  return { run: (sql) => time(sql, () => conn.run(sql)), runAndReadAll: (sql) => time(sql, () => conn.runAndReadAll(sql)), createAppender: (t) => conn.createAppender(t) };
}

export interface Appender {
  appendInteger(v: number): void;
  appendVarchar(v: string): void;
  appendNull(): void;
  endRow(): void;
  closeSync(): void;
}

/** A LIST of VARCHAR from DuckDB's row objects, as strings ('' for NULL). */
export const listOf = (v: unknown): string[] => ((v as { items?: unknown[] } | null)?.items ?? []).map((x) => (x === null || x === undefined ? '' : String(x)));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const int = (v: unknown): number => Number(v ?? 0);
