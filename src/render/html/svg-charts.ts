// Inline SVG charts for HTML reports: no script, no network, readable by screen readers
// (role="img", <title> and <desc>, a <title> on every bar).

import { formatPercent } from '../attainment-labels.js';
import { h, type Html } from './html.js';
import { localiseDecimal } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';

export interface Series {
  key: string;
  label: string;
  color: string;
  /** Colour of a count written on the bar. */
  ink?: string;
}

/** The derived task states in reading order, with their colours (the same as the tables' classes). */
export const STATE_SERIES: Series[] = [
  { key: 'overdue', label: 'overdue', color: '#b42318', ink: '#fff' },
  { key: 'due-soon', label: 'due soon', color: '#d4a72c', ink: '#1b1f24' },
  { key: 'in-progress', label: 'in progress', color: '#0969da', ink: '#fff' },
  { key: 'open', label: 'open', color: '#54aeff', ink: '#1b1f24' },
  { key: 'not-started-yet', label: 'not started yet', color: '#b6e3ff', ink: '#1b1f24' },
  { key: 'ongoing', label: 'ongoing', color: '#8c959f', ink: '#fff' },
  { key: 'waiting', label: 'waiting', color: '#8250df', ink: '#fff' },
  { key: 'done', label: 'done', color: '#1a7f37', ink: '#fff' },
  { key: 'cancelled', label: 'cancelled', color: '#d0d7de', ink: '#1b1f24' },
];

export interface StackedRow {
  label: string;
  counts: Record<string, number>;
}

export interface StackedBarOptions {
  /** Unique within the page: the ids of <title> and <desc> derive from it. */
  id: string;
  title: string;
  rows: StackedRow[];
  series?: Series[];
  width?: number;
  labelWidth?: number;
  /** Language of the chart's own words and numbers (English by default). */
  lang?: Lang;
}

const ROW = 26;
const BAR = 18;
const CHAR = 7; // average glyph width at 12px, to fit labels

/** A label that fits the width: whole, or cut after its last whole word with "…" (never mid-word unless one word is too long). */
export function fit(label: string, width: number): string {
  const max = Math.max(3, Math.floor(width / CHAR));
  if (label.length <= max) return label;
  const head = label.slice(0, max - 1);
  const cut = head.search(/[\s,;:–-][^\s,;:–-]*$/);
  return (cut > max / 3 ? head.slice(0, cut) : head).replace(/[\s,;:–-]+$/, '') + '…';
}

/** The chart words that are not verdicts or states, in either language. */
const CHART_WORDS = {
  vi: { against: 'so với', threshold: 'mục tiêu', tasks: (n: number) => `${n} nhiệm vụ`, noTasks: 'không có nhiệm vụ', soFar: (meets: boolean) => `chưa hết kỳ, ${meets ? 'đến nay đạt' : 'đến nay chưa đạt'}` },
  en: { against: 'against', threshold: 'threshold', tasks: (n: number) => plural(n, 'task'), noTasks: 'no tasks', soFar: (meets: boolean) => `in progress, ${meets ? 'meets it so far' : 'below it so far'}` },
};

/** An accessible SVG: a title and a description (what the chart shows, in words) label the image. */
function chartSvg(kind: string, opts: { id: string; title: string }, width: number, height: number, described: string, ...marks: Html[][]): Html {
  return h(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', class: `chart ${kind}`, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${opts.id}-title ${opts.id}-desc` },
    h('title', { id: `${opts.id}-title` }, opts.title),
    h('desc', { id: `${opts.id}-desc` }, described),
    ...marks,
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Horizontal stacked bars: one bar per row (a decision), one segment per series (a task state). */
export function stackedBarChart(opts: StackedBarOptions): Html {
  const series = opts.series ?? STATE_SERIES;
  const cw = CHART_WORDS[opts.lang ?? 'en'];
  const width = opts.width ?? 760;
  const labelWidth = opts.labelWidth ?? 130;
  const totalWidth = 48;
  const plot = width - labelWidth - totalWidth - 8;
  const totals = opts.rows.map((r) => series.reduce((n, s) => n + (r.counts[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const used = series.filter((s) => opts.rows.some((r) => (r.counts[s.key] ?? 0) > 0));
  const legendTop = opts.rows.length * ROW + 12;
  const legendRows = Math.max(1, Math.ceil(used.length / 4));
  const height = legendTop + legendRows * 20 + 4;

  const bars = opts.rows.map((r, i) => {
    const y = i * ROW + (ROW - BAR) / 2;
    let x = labelWidth;
    const segments = series.flatMap((s) => {
      const n = r.counts[s.key] ?? 0;
      if (n <= 0) return [];
      const w = (n / max) * plot;
      const seg = h(
        'g',
        { class: `seg seg-${s.key}` },
        h('rect', { x: round(x), y, width: round(w), height: BAR, fill: s.color }, h('title', null, `${r.label}: ${s.label} ${n}`)),
        w >= 9 * String(n).length ? h('text', { x: round(x + w / 2), y: y + BAR / 2 + 4, 'text-anchor': 'middle', fill: s.ink ?? '#fff' }, String(n)) : null,
      );
      x += w;
      return [seg];
    });
    return h(
      'g',
      { class: 'bar', 'aria-label': `${r.label}: ${cw.tasks(totals[i]!)}` },
      h('text', { x: labelWidth - 8, y: i * ROW + ROW / 2 + 4, 'text-anchor': 'end' }, h('title', null, r.label), fit(r.label, labelWidth - 8)),
      segments,
      h('text', { x: round(x + 6), y: i * ROW + ROW / 2 + 4, fill: '#57606a' }, String(totals[i])),
    );
  });

  const legend = used.map((s, i) => {
    const col = i % 4;
    const row = Math.floor(i / 4);
    const x = labelWidth + col * (plot / 4);
    const y = legendTop + row * 20;
    const n = opts.rows.reduce((sum, r) => sum + (r.counts[s.key] ?? 0), 0);
    return h('g', { class: 'legend' }, h('rect', { x: round(x), y, width: 12, height: 12, fill: s.color }), h('text', { x: round(x + 18), y: y + 10 }, `${s.label} (${n})`));
  });

  const described = opts.rows.map((r, i) => `${r.label}: ${used.filter((s) => (r.counts[s.key] ?? 0) > 0).map((s) => `${s.label} ${r.counts[s.key]}`).join(', ') || cw.noTasks} (${totals[i]})`).join('; ');
  return chartSvg('chart-stacked', opts, width, height, described, bars, legend);
}

export interface ThresholdRow {
  label: string;
  /** Attained share in percent; null when there is no data. */
  value: number | null;
  /** The target's threshold in percent. */
  threshold: number;
  comparator: 'at_least' | 'at_most' | 'more_than';
  met: boolean | null;
  /** The period is still running: the value so far, drawn in the "in progress" colour. */
  provisional?: boolean;
  /** What the row stands for, in full (a target's text): the label's tooltip. */
  note?: string;
}

/** The chart's own words: its verdicts and the threshold mark (English by default). */
export type ThresholdWords = Record<'met' | 'not-met' | 'in-progress' | 'no-data' | 'threshold', string>;

export interface ThresholdOptions {
  id: string;
  title: string;
  rows: ThresholdRow[];
  words?: Partial<ThresholdWords>;
  width?: number;
  labelWidth?: number;
  /** Language of the chart's own words and numbers (English by default). */
  lang?: Lang;
}

const COMPARATOR_SIGN: Record<ThresholdRow['comparator'], string> = { at_least: '≥', at_most: '≤', more_than: '>' };

/** Fill and class of a row's bar: met, not met, in progress (value so far), no data. */
const VERDICTS = {
  met: { fill: '#1a7f37', label: 'met' },
  'not-met': { fill: '#b42318', label: 'not met' },
  'in-progress': { fill: '#d4a72c', label: 'in progress' },
  'no-data': { fill: '#d0d7de', label: 'no data' },
} as const;

function verdictOf(r: ThresholdRow): keyof typeof VERDICTS {
  return r.met === null ? 'no-data' : r.provisional ? 'in-progress' : r.met ? 'met' : 'not-met';
}

/** Room right of the plot for "96.3% (≥ 100%)". */
const VALUE_TEXT = 116;

/** One bar per target: the attained value, a marker line at the threshold, coloured by verdict; a legend. */
export function thresholdChart(opts: ThresholdOptions): Html {
  const width = opts.width ?? 760;
  const labelWidth = opts.labelWidth ?? 220;
  const plot = width - labelWidth - VALUE_TEXT;
  const top = 18;
  const scaleMax = Math.max(100, ...opts.rows.map((r) => Math.max(r.value ?? 0, r.threshold)));
  const xOf = (v: number) => round(labelWidth + (Math.max(0, v) / scaleMax) * plot);
  const axis = top + opts.rows.length * ROW;
  const legendTop = axis + 30;
  const used = (Object.keys(VERDICTS) as (keyof typeof VERDICTS)[]).filter((k) => opts.rows.some((r) => verdictOf(r) === k));
  const height = legendTop + 18;
  const lang = opts.lang ?? 'en';
  const cw = CHART_WORDS[lang];
  const say = (k: keyof ThresholdWords) => opts.words?.[k] ?? (k === 'threshold' ? cw.threshold : VERDICTS[k].label);
  // A threshold as the plan writes it; a value as the tables write it (formatPercent: one decimal, more
  // where rounding would put it on the other side of the threshold: never "80%" for 79.96% against ≥ 80%).
  const pct = (v: number) => `${localiseDecimal(String(v), lang)}%`;
  const valuePct = (r: ThresholdRow) => formatPercent(r.value, r.threshold, r.met, lang);

  const ticks = [0, 25, 50, 75, 100].filter((t) => t <= scaleMax).map((t) =>
    h(
      'g',
      { class: 'tick' },
      h('line', { x1: xOf(t), x2: xOf(t), y1: top - 4, y2: axis, stroke: '#d0d7de', 'stroke-width': 1 }),
      h('text', { x: xOf(t), y: axis + 16, 'text-anchor': 'middle', fill: '#57606a' }, `${t}%`),
    ),
  );

  // The value after the bar (or the threshold mark); a row without data has no bar, so its words
  // start the plot unless the mark stands there, and never run off the right edge.
  const valueLabel = (r: ThresholdRow, text: string, y: number) => {
    const after = xOf(Math.max(r.value ?? 0, r.threshold)) + 6;
    const fits = after + text.length * CHAR <= width;
    const x = r.value === null && (!fits || xOf(r.threshold) - labelWidth > text.length * CHAR + 12) ? labelWidth + 6 : fits ? after : width - text.length * CHAR;
    return h('text', { x: round(x), y, fill: r.value === null ? '#57606a' : '#1b1f24' }, text);
  };

  const rows = opts.rows.map((r, i) => {
    const y = top + i * ROW + (ROW - BAR) / 2;
    const sign = COMPARATOR_SIGN[r.comparator];
    const v = verdictOf(r);
    const verdict = v === 'in-progress' && !opts.words?.['in-progress'] ? cw.soFar(r.met === true) : say(v);
    const valueText = r.value === null ? say('no-data') : valuePct(r);
    const tx = xOf(r.threshold);
    return h(
      'g',
      { class: `target target-${v}`, 'aria-label': `${r.label}: ${valueText} ${cw.against} ${sign} ${pct(r.threshold)}, ${verdict}` },
      h('text', { x: labelWidth - 8, y: y + BAR / 2 + 4, 'text-anchor': 'end' }, h('title', null, r.note ? `${r.label}: ${r.note}` : r.label), fit(r.label, labelWidth - 8)),
      r.value === null
        ? null
        : h('rect', { class: 'value', x: labelWidth, y, width: round(xOf(r.value) - labelWidth), height: BAR, fill: VERDICTS[v].fill }, h('title', null, `${r.label}: ${valueText} (${verdict})`)),
      h('line', { class: 'threshold', x1: tx, x2: tx, y1: y - 3, y2: y + BAR + 3, stroke: '#1b1f24', 'stroke-width': 2 }, h('title', null, `${cw.threshold} ${sign} ${pct(r.threshold)}`)),
      valueLabel(r, `${valueText} (${sign}${pct(r.threshold)})`, y + BAR / 2 + 4),
    );
  });

  const legendItems = [
    ...used.map((k) => ({ key: k, label: say(k), mark: h('rect', { x: 0, y: 0, width: 12, height: 12, fill: VERDICTS[k].fill }) })),
    { key: 'threshold', label: say('threshold'), mark: h('line', { x1: 6, x2: 6, y1: -2, y2: 14, stroke: '#1b1f24', 'stroke-width': 2 }) },
  ];
  // Each item as wide as its words (Vietnamese ones are longer), one after the other.
  let legendX = labelWidth;
  const legend = legendItems.map((item) => {
    const g = h('g', { class: `legend legend-${item.key}`, transform: `translate(${round(legendX)} ${legendTop})` }, item.mark, h('text', { x: 18, y: 10 }, item.label));
    legendX += 18 + item.label.length * CHAR + 18;
    return g;
  });

  const described = opts.rows
    .map((r) => {
      const v = verdictOf(r);
      return `${r.label}: ${r.value === null ? say('no-data') : valuePct(r)} ${cw.against} ${COMPARATOR_SIGN[r.comparator]} ${pct(r.threshold)}${v === 'no-data' ? '' : `, ${say(v)}`}`;
    })
    .join('; ');
  return chartSvg('chart-threshold', opts, width, height, described, ticks, rows, legend);
}
