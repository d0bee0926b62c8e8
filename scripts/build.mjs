// Bundles src/cli/bin.ts into dist/ with esbuild: one small entry chunk, one lazy chunk per command,
// so `plan` starts fast (each command pays only for what it imports).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Build beside dist/ and swap it in, so a running `plan` never sees a half-written bundle.
const out = new URL('../dist', import.meta.url);
const next = new URL('../dist.next', import.meta.url);
const old = new URL('../dist.old', import.meta.url);
rmSync(next, { recursive: true, force: true });

// The build id keys the checked-plans cache (src/load/plan-cache.ts): any change to the sources or
// the locked dependencies is a new build whose cache entries do not match.
const hash = createHash('sha256');
for (const f of ['package.json', 'package-lock.json', 'scripts/build.mjs']) hash.update(readFileSync(new URL(`../${f}`, import.meta.url)));
const walk = (dir) => {
  for (const e of readdirSync(new URL(`../${dir}`, import.meta.url), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(rel);
    else hash.update(rel + '\0').update(readFileSync(new URL(`../${rel}`, import.meta.url)));
  }
};
walk('src');
const buildId = hash.digest('hex').slice(0, 16);
await build({
  // fold-worker reads a large training file on a second thread (src/load/data/fold-in-worker.ts).
  entryPoints: { plan: 'src/cli/bin.ts', 'fold-worker': 'src/load/data/fold-worker.ts' },
  outdir: 'dist.next',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // Native modules (a prebuilt binding per platform) stay in node_modules, imported at run time:
  // resvg for the charts in Word reports, DuckDB for --engine duckdb.
  external: ['@resvg/resvg-js', '@duckdb/node-api', '@duckdb/node-bindings', '@duckdb/node-bindings-*'],
  // CommonJS dependencies (cli-table3) call require(); give them one in ESM.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { __PLAN_BUILD__: JSON.stringify(buildId) },
  logLevel: 'warning',
  plugins: [
    {
      // cli-table3 0.6.5 truncates each cell's whole text once per line it draws, only to build a debug
      // message it then discards; that was a third of `plan tasks`. Drop the dead computation.
      name: 'cli-table3-no-debug-truncate',
      setup(b) {
        b.onLoad({ filter: /cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          const src = await readFile(args.path, 'utf8');
          const dead = /    let content = utils\.truncate\(this\.content, 10, this\.truncate\);\n    if \(!lineNum\) \{\n      info\([^\n]*\n    \} else \{\n[^\n]*\n    \}\n/;
          if (!dead.test(src)) throw new Error('cli-table3 changed: re-check the debug-truncate patch in scripts/build.mjs');
          return { contents: src.replace(dead, ''), loader: 'js' };
        });
      },
    },
    {
      // cli-table3 measures every cell line with string-width@4, whose emoji regex dominated start-up;
      // give it our width function (same results, a fast path for Latin and Vietnamese text).
      name: 'fast-string-width',
      setup(b) {
        b.onResolve({ filter: /^string-width$/ }, (args) =>
          /cli-table3/.test(args.importer) ? { path: fileURLToPath(new URL('../src/render/width-shim.cjs', import.meta.url)) } : undefined,
        );
      },
    },
  ],
});
rmSync(old, { recursive: true, force: true });
try {
  renameSync(out, old);
} catch {
  // first build: nothing to move aside
}
renameSync(next, out);
rmSync(old, { recursive: true, force: true });
