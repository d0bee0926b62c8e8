import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { unifiedDiff } from './src/edit/unified-diff.js';
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
let bad = 0;
for (let t = 0; t < 400; t++) {
  const n = Math.floor(rnd() * 30);
  const a = Array.from({ length: n }, () => 'abcde'[Math.floor(rnd() * 5)]);
  const b = a.flatMap((l) => (rnd() < 0.15 ? [] : rnd() < 0.15 ? [l, 'xyz'[Math.floor(rnd() * 3)]] : rnd() < 0.1 ? ['q'] : [l]));
  if (rnd() < 0.2) b.push('end');
  const at = a.join('\n') + (rnd() < 0.8 && n > 0 ? '\n' : '');
  const bt = b.join('\n') + (rnd() < 0.8 && b.length > 0 ? '\n' : '');
  writeFileSync('/tmp/scratch/a', at); writeFileSync('/tmp/scratch/b', bt);
  const mine = unifiedDiff(at, bt, 'a', 'b');
  // apply my patch with GNU patch and check it yields b
  writeFileSync('/tmp/scratch/p', mine);
  writeFileSync('/tmp/scratch/c', at);
  const r = spawnSync('patch', ['-s', '-o', '/tmp/scratch/out', '/tmp/scratch/c', '/tmp/scratch/p'], { encoding: 'utf8' });
  const got = mine === '' ? at : require('node:fs').readFileSync('/tmp/scratch/out', 'utf8');
  if (got !== bt || (mine !== '' && r.status !== 0)) { bad++; if (bad < 3) console.log('BAD', JSON.stringify(at), JSON.stringify(bt), mine, r.stderr); }
}
console.log('bad', bad);
