// exceljs (about a megabyte of bundle) loads only when a workbook is read: not at start-up, not with
// plan attainment or plan data inspect themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticClosure } from '../helpers/bundle.js';


const chunk = (name: string) => {
  const f = readdirSync('dist/chunks').find((x) => new RegExp(`^${name}-[A-Z0-9]+\\.js$`).test(x));
  expect(f, `the ${name} chunk`).toBeDefined();
  return staticClosure(join('dist/chunks', f!));
};

describe('exceljs loads lazily', () => {
  // A message of exceljs's XML parser: in exceljs's code, in no code of ours.
  const MARKER = 'Unexpected xml node in parseOpen';
  it.each(['attainment', 'data-inspect', 'status', 'report'])('not with %s', (name) => {
    expect(chunk(name).includes(MARKER)).toBe(false);
  });
  it('nor at start-up; it is in a chunk of its own', () => {
    expect(staticClosure('dist/plan.js').includes(MARKER)).toBe(false);
    const holders = readdirSync('dist/chunks').filter((f) => f.endsWith('.js') && readFileSync(join('dist/chunks', f), 'utf8').includes(MARKER));
    expect(holders).toHaveLength(1);
  });
});
