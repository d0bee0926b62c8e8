// A finding about a file as a whole, in a module of its own: the warm path (plans from the cache)
// makes these without loading the YAML parser that source-file.ts needs.

import type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';

/** A diagnostic about a file as a whole (unreadable, empty, too large). */
export function fileDiagnostic(code: DiagnosticCode, file: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, file, line: 0, column: 0, ...extra };
}
