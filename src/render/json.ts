// JSON output: the report itself, with the schema version scripts rely on.

export const SCHEMA_VERSION = 1;

// JSON.stringify escapes C0 controls but writes DEL and C1 (U+009B is a CSI to some terminals) raw;
// as \u escapes the text stays exact and the output inert.
 
const C1 = /[\u007f-\u009f]/g;

export function asJson(report: object): string {
  const text = JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...report }, null, 2);
  return (C1.test(text) ? text.replace(C1, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text) + '\n';
}
