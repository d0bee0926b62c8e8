// Which delimiter a CSV or text export uses: `,` `;` tab or `|`, judged on the file's first rows.
// Pure: a sample of text and a score of how well a row reads as the expected header.

import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe (|)' };

/** The first records of a sample split by a delimiter (the sample's last, possibly cut, record dropped unless the sample is the whole file). */
export function sampleRecords(sample: string, delimiter: string, max = 40, complete = false): string[][] {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
  const r = parser.parse(sample, 0, !complete);
  const out: string[][] = [];
  for (const cells of r.data) {
    if (out.length >= max) break;
    if (cells.length === 1 && (cells[0] === '' || cells[0] === '\r')) continue;
    const last = cells[cells.length - 1]!;
    if (last.endsWith('\r')) cells[cells.length - 1] = last.slice(0, -1);
    out.push(cells);
  }
  return out;
}

/** How evenly a delimiter splits the records: how many records have the most common cell count (above 1). */
function consistency(records: string[][]): { support: number } {
  const counts = new Map<number, number>();
  for (const r of records) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return { support: Math.max(0, ...counts.values()) };
}

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** How many columns of the expected header the best row of the sample gives (0 without a score). */
  score: number;
}

/**
 * The delimiter under which some early row reads best as the expected header (`score`: how many
 * columns it maps); ties, and samples where no row maps, go to the delimiter that splits the rows
 * most evenly, then to the order `,` `;` tab `|`.
 */
export function sniffDelimiter(sample: string, complete: boolean, score?: (cells: string[]) => number): DelimiterGuess {
  let best: { d: Delimiter; score: number; support: number } | undefined;
  for (const d of DELIMITERS) {
    const records = sampleRecords(sample, d, 40, complete);
    const s = score ? Math.max(0, ...records.map(score)) : 0;
    const c = consistency(records);
    const cand = { d, score: s, support: c.support };
    if (!best || cand.score > best.score || (cand.score === best.score && cand.support > best.support)) best = cand;
  }
  return { delimiter: best!.d, score: best!.score };
}

/** The delimiter a header line looks split by, when it is not `used`: the candidate that splits it into the most cells. */
export function looksDelimitedBy(line: string, used: string): Delimiter | undefined {
  let best: Delimiter | undefined;
  let most = 1;
  for (const d of DELIMITERS) {
    if (d === used) continue;
    const n = sampleRecords(line, d, 1, true)[0]?.length ?? 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}
