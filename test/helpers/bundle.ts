// What the built bundle loads: a module and every chunk it imports statically, for the lazy-loading tests.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The code a module loads before it runs: itself and every chunk it imports statically, transitively. */
export function staticClosure(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // Static imports only: `import("./x.js")` (a command loaded when it runs) does not match.
  const deps = [...text.matchAll(/import\s*(?:[\w{}$,\s*]+from\s*)?["'](\.\/[^"']+\.js)["']/g)].map((m) => normalize(join(dirname(file), m[1]!)));
  return [text, ...deps.map((d) => staticClosure(d, seen))].join('\n');
}
