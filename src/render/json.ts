// JSON output: the report itself, with the schema version scripts rely on.

export const SCHEMA_VERSION = 1;

export function asJson(report: object): string {
  return JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...report }, null, 2) + '\n';
}
