// The three streaming CSV parsers the issue named, on the benchmark's files: each streams, decodes
// and splits every row into cells, and sums one column's length (so no work is optimised away).
// Each runs in its own child process for its peak RSS. Also probes how each treats malformed rows,
// which decided the choice as much as speed did (see README, "CSV parser").
//   node bench/csv-parsers.mjs DIR      (DIR holds staff.csv and trainings.csv; bench/run.mjs makes them)
import { spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PARSERS = {
  async 'csv-parse'(path) {
    const { parse } = await import('csv-parse');
    let rows = 0;
    let sum = 0;
    for await (const r of createReadStream(path).pipe(parse({ relax_column_count: true, relax_quotes: false }))) {
      rows++;
      sum += r[0].length;
    }
    return { rows, sum };
  },
  async papaparse(path) {
    const { default: Papa } = await import('papaparse');
    const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let rows = 0;
    let sum = 0;
    let rest = '';
    const eat = (text, last) => {
      const r = parser.parse(text, 0, !last);
      for (const row of r.data) {
        rows++;
        sum += row[0].length;
      }
      return last ? '' : text.slice(r.meta.cursor);
    };
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) rest = eat(rest + decoder.decode(chunk, { stream: true }), false);
    eat(rest + decoder.decode(), true);
    return { rows, sum };
  },
  async udsv(path) {
    const { inferSchema, initParser } = await import('udsv');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let parser = null;
    let rows = 0;
    let sum = 0;
    const onRow = (row) => {
      rows++;
      sum += row[0].length;
    };
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const text = decoder.decode(chunk, { stream: true });
      if (!parser) {
        const schema = inferSchema(text, { col: ',', row: '\n', encl: '"' });
        sum += schema.cols[0].name.length; // the header row, which the others count as a row
        parser = initParser(schema);
      }
      parser.chunk(text, parser.stringArrs, onRow);
    }
    parser.end();
    return { rows: rows + 1, sum }; // uDSV hands back data rows only; +1 for the header, like the others
  },
};

// Malformed input: what each parser gives for a short row, a quote left open, and stray quotes.
const PROBES = {
  'short row (4,5) before 6,7,8': 'a,b,c\n1,2,3\n4,5\n6,7,8\n',
  'unterminated quote': 'a,b,c\n1,"open,3\n4,5,6\n',
  'quote inside a bare field (1,x"y,3)': 'a,b,c\n1,x"y,3\n4,5,6\n',
};

async function probe(name, text) {
  try {
    if (name === 'csv-parse') {
      const { parse } = await import('csv-parse/sync');
      return JSON.stringify(parse(text, { relax_column_count: true }));
    }
    if (name === 'papaparse') {
      const { default: Papa } = await import('papaparse');
      const r = Papa.parse(text, { delimiter: ',', newline: '\n' });
      return JSON.stringify(r.data.filter((x) => x.length > 1 || x[0] !== '')) + (r.errors.length ? ` errors: ${r.errors.map((e) => `${e.code}@row${e.row}`).join(', ')}` : '');
    }
    const { inferSchema, initParser } = await import('udsv');
    const p = initParser(inferSchema(text, { col: ',', row: '\n', encl: '"' }));
    const rows = [];
    p.chunk(text, p.stringArrs, (r) => rows.push(r));
    p.end();
    return JSON.stringify(rows);
  } catch (e) {
    return `throws: ${e.message.split('\n')[0]}`;
  }
}

async function child(name, files) {
  const t0 = process.hrtime.bigint();
  let rows = 0;
  let sum = 0;
  for (const f of files) {
    const r = await PARSERS[name](f);
    rows += r.rows;
    sum += r.sum;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const probes = {};
  for (const [label, text] of Object.entries(PROBES)) probes[label] = await probe(name, text);
  process.stdout.write(JSON.stringify({ name, ms, rows, sum, rssMB: process.resourceUsage().maxRSS / 1024, probes }));
}

export function compareParsers(dir) {
  const files = ['staff.csv', 'trainings.csv'].map((f) => join(dir, f));
  const mb = files.reduce((a, f) => a + statSync(f).size, 0) / 1e6;
  const self = fileURLToPath(import.meta.url);
  const results = [];
  for (const name of Object.keys(PARSERS)) {
    const r = spawnSync(process.execPath, [self, '--child', name, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
    results.push(JSON.parse(r.stdout));
  }
  console.log(`CSV parsers: stream + decode + split ${mb.toFixed(0)} MB (${results[0].rows.toLocaleString('en')} rows), one child process each`);
  for (const r of results) {
    console.log(`  ${r.name.padEnd(10)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(mb / (r.ms / 1000)).toFixed(0).padStart(4)} MB/s  peak RSS ${r.rssMB.toFixed(0).padStart(4)} MB  rows ${r.rows}${r.rows !== results[0].rows || r.sum !== results[0].sum ? '  (DIFFERS)' : ''}`);
  }
  console.log('  malformed input:');
  for (const label of Object.keys(PROBES)) {
    console.log(`    ${label}:`);
    for (const r of results) console.log(`      ${r.name.padEnd(10)} ${r.probes[label]}`);
  }
  return results;
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv.slice(4));
else if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) throw new Error('usage: node bench/csv-parsers.mjs DIR (with staff.csv and trainings.csv)');
  compareParsers(process.argv[2]);
}
