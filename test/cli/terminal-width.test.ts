// Every line a terminal view prints fits the terminal: tables size their columns, and prose (a
// title, a note, a summary under a table) wraps with a hanging indent. Widths are counted here as
// code points of NFC text (the bundled plans are Vietnamese with precomposed letters and box-drawing
// characters, each one column), not by the renderer's own measure.
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

const VIEWS: string[][] = [
  ['status'],
  ['status', '--full'],
  ['overdue', '--within', '30'],
  ['tasks'],
  ['targets'],
  ['units'],
  ['leaders'],
  ['attainment'],
  ...['88', '146', '456', '1320', '185'].map((d) => ['render', d, '--with-status']),
];

describe('terminal views fit the terminal', () => {
  it.each(VIEWS.flatMap((v) => ['80', '100'].flatMap((cols) => ['vi', 'en'].map((lang) => [v.join(' '), cols, lang, v] as const))))('%s at %s columns (%s)', async (_name, cols, lang, args) => {
    const r = await runMain([...args, '--as-of', '2024-12-10', '--no-color', '--lang', lang], { env: { COLUMNS: cols } });
    expect(r.code).toBe(0);
    const wide = r.stdout.split('\n').filter((l) => [...l.normalize('NFC')].length > Number(cols));
    expect(wide).toEqual([]);
  });
});
