// The layers import only downward (STYLE: model → period → load → edit → report → render → cli;
// model and period, both pure, share types both ways), and only load and cli reach the file
// system, paths, processes or the environment: a report never depends on the loader.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS = ['model', 'period', 'load', 'edit', 'report', 'render', 'cli'];
const rank = (layer: string): number => (layer === 'period' ? 0 : LAYERS.indexOf(layer));
const IO = ['node:fs', 'node:fs/promises', 'node:path', 'node:os', 'node:process', 'node:child_process', 'node:worker_threads'];
const SRC = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const layerOf = (file: string): string => relative(SRC, file).split('/')[0]!;

describe('layers', () => {
  const all = files(SRC).filter((f) => LAYERS.includes(layerOf(f)));
  const imports = all.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => ({ file: relative(SRC, file), layer: layerOf(file), spec: m[1]! })));

  it('finds the imports it checks', () => {
    expect(imports.filter((i) => i.layer === 'report' && i.spec.includes('/model/')).length).toBeGreaterThan(10);
  });

  it('each import goes to the same layer or one below', () => {
    const upward = imports
      .filter((i) => i.spec.startsWith('.'))
      .map((i) => ({ ...i, to: layerOf(resolve(SRC, dirname(i.file), i.spec)) }))
      .filter((i) => LAYERS.includes(i.to) && rank(i.to) > rank(i.layer))
      .map((i) => `${i.file} imports ${i.spec}`);
    expect(upward).toEqual([]);
  });

  it('a report or a renderer never imports the loader (STYLE: pure code is given its data)', () => {
    const intoLoad = imports
      .filter((i) => (i.layer === 'report' || i.layer === 'render') && i.spec.startsWith('.') && layerOf(resolve(SRC, dirname(i.file), i.spec)) === 'load')
      .map((i) => `${i.file} imports ${i.spec}`);
    expect(intoLoad).toEqual([]);
  });

  it('only load and cli import the file system, paths, processes', () => {
    const pure = imports.filter((i) => IO.includes(i.spec) && i.layer !== 'load' && i.layer !== 'cli').map((i) => `${i.file} imports ${i.spec}`);
    expect(pure).toEqual([]);
  });
});
