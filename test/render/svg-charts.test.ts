import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html/html.js';
import { stackedBarChart, thresholdChart, type ThresholdRow } from '../../src/render/html/svg-charts.js';

function attr(el: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1];
}

function elements(svg: string, tag: string, cls?: string): string[] {
  const all = svg.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? [];
  return cls ? all.filter((e) => attr(e, 'class')?.split(' ').includes(cls)) : all;
}

describe('stackedBarChart', () => {
  const svg = renderHtml(
    stackedBarChart({
      id: 'states',
      title: 'Tasks by state per decision',
      width: 760,
      labelWidth: 130,
      rows: [
        { label: '88/QĐ-BHXH', counts: { overdue: 10, open: 20, done: 10 } },
        { label: '<b>185</b>', counts: { 'due-soon': 5, waiting: 15 } },
      ],
    }),
  );

  it('is an accessible image with a title and a description', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="states-title states-desc"');
    expect(svg).toContain('<title id="states-title">Tasks by state per decision</title>');
    expect(svg).toContain('<desc id="states-desc">88/QĐ-BHXH: overdue 10, open 20, done 10 (40)');
  });

  it('draws one segment per non-zero state, widths proportional to counts on one scale', () => {
    const rects = elements(svg, 'rect').filter((r) => attr(r, 'height') === '18');
    expect(rects).toHaveLength(5);
    const widths = rects.map((r) => Number(attr(r, 'width')));
    const plot = 760 - 130 - 48 - 8;
    // The longest bar (40 tasks) fills the plot; 10 tasks are a quarter of it.
    expect(widths[0]).toBeCloseTo(plot / 4, 0);
    expect(widths.slice(0, 3).reduce((a, b) => a + b, 0)).toBeCloseTo(plot, 0);
    expect(widths.slice(3).reduce((a, b) => a + b, 0)).toBeCloseTo(plot / 2, 0);
  });

  it('stacks segments left to right without gaps', () => {
    const rects = elements(svg, 'rect').filter((r) => attr(r, 'height') === '18');
    const x = rects.map((r) => Number(attr(r, 'x')));
    const w = rects.map((r) => Number(attr(r, 'width')));
    expect(x[0]).toBe(130);
    expect(x[1]).toBeCloseTo(x[0]! + w[0]!, 0);
    expect(x[2]).toBeCloseTo(x[1]! + w[1]!, 0);
  });

  it('gives every segment a tooltip and escapes labels', () => {
    expect(svg).toContain('<title>88/QĐ-BHXH: overdue 10</title>');
    expect(svg).toContain('&lt;b&gt;185&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('has a legend of the states in use with their totals', () => {
    expect(svg).toContain('overdue (10)');
    expect(svg).toContain('waiting (15)');
    expect(svg).not.toContain('cancelled (');
  });
});

describe('thresholdChart', () => {
  const rows: ThresholdRow[] = [
    { label: 'cc-phap-luat', value: 72.5, threshold: 80, comparator: 'at_least', met: false },
    { label: 'vc-ky-nang', value: 90, threshold: 70, comparator: 'at_least', met: true },
    { label: 'no data yet', value: null, threshold: 50, comparator: 'more_than', met: null },
  ];
  const svg = renderHtml(thresholdChart({ id: 'targets', title: 'Value against threshold per target', rows, width: 760, labelWidth: 220 }));
  const plot = 760 - 220 - 116;

  it('draws a marker line at each threshold', () => {
    const lines = elements(svg, 'line', 'threshold');
    expect(lines).toHaveLength(3);
    expect(Number(attr(lines[0]!, 'x1'))).toBeCloseTo(220 + 0.8 * plot, 0);
    expect(Number(attr(lines[1]!, 'x1'))).toBeCloseTo(220 + 0.7 * plot, 0);
  });

  it('draws the value as a bar coloured by whether it meets the threshold', () => {
    const bars = elements(svg, 'rect', 'value');
    expect(bars).toHaveLength(2);
    expect(Number(attr(bars[0]!, 'width'))).toBeCloseTo(0.725 * plot, 0);
    expect(attr(bars[0]!, 'fill')).toBe('#b42318');
    expect(attr(bars[1]!, 'fill')).toBe('#1a7f37');
  });

  it('says no data rather than drawing a zero bar', () => {
    expect(svg).toContain('aria-label="no data yet: no data against &gt; 50%, no data"');
  });

  it('labels each bar for screen readers and has a title', () => {
    expect(svg).toContain('aria-label="cc-phap-luat: 72.5% against ≥ 80%, not met"');
    expect(svg).toContain('<title id="targets-title">Value against threshold per target</title>');
  });

  it('draws a value so far in the "in progress" colour and says so', () => {
    const svg = renderHtml(thresholdChart({ id: 't', title: 't', rows: [{ label: 'x', value: 39, threshold: 100, comparator: 'at_least', met: false, provisional: true }] }));
    expect(attr(elements(svg, 'rect', 'value')[0]!, 'fill')).toBe('#d4a72c');
    expect(svg).toContain('aria-label="x: 39.0% against ≥ 100%, in progress, below it so far"');
    expect(elements(svg, 'g', 'legend-in-progress')).toHaveLength(1);
  });

  // As the tables write a value: one decimal, more where rounding would cross the threshold (79.96%
  // against ≥ 80% shown as "80%" would read as met).
  it.each([
    [79.96, 80, 'at_least', false, 'vi', '79,96%'],
    [80, 80, 'at_least', true, 'vi', '80,0%'],
    [80.04, 80, 'at_most', false, 'en', '80.04%'],
    [12.345, 50, 'at_least', false, 'en', '12.3%'],
  ] as const)('writes %s against %s (%s) as the tables do', (value, threshold, comparator, met, lang, shown) => {
    const out = renderHtml(thresholdChart({ id: 't', title: 't', lang, rows: [{ label: 'x', value, threshold, comparator, met }] }));
    expect(out).toContain(`x: ${shown} `);
    expect(out).toMatch(new RegExp(`>${shown.replace('.', '\\.')} \\(`));
  });

  it('has a legend of the verdicts in use and the threshold marker', () => {
    expect(elements(svg, 'g', 'legend').length).toBe(4);
    expect(elements(svg, 'g', 'legend-in-progress')).toHaveLength(0);
  });

  it('puts a row\'s note in its label\'s tooltip, escaped', () => {
    const svg = renderHtml(thresholdChart({ id: 't', title: 't', rows: [{ label: 'x', note: 'Tỷ lệ </svg><script>alert(1)</script>', value: 50, threshold: 80, comparator: 'at_least', met: false }] }));
    expect(svg).toContain('<title>x: Tỷ lệ &lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
  });

  it('keeps the value text inside the chart at 100%', () => {
    const svg = renderHtml(thresholdChart({ id: 't', title: 't', rows: [{ label: 'x', value: 96.3, threshold: 100, comparator: 'at_least', met: false }], width: 760 }));
    const text = elements(svg, 'text').map((t) => Number(attr(t, 'x'))).reduce((a, b) => Math.max(a, b), 0);
    // "96.3% (≥100%)" is 13 characters of about 7 px.
    expect(text + 13 * 7).toBeLessThanOrEqual(760);
  });

  it('widens the scale when a value passes 100%', () => {
    const wide = renderHtml(thresholdChart({ id: 't', title: 't', rows: [{ label: 'x', value: 150, threshold: 100, comparator: 'at_most', met: false }], width: 760, labelWidth: 220 }));
    const bar = elements(wide, 'rect', 'value')[0]!;
    expect(Number(attr(bar, 'width'))).toBeCloseTo(plot, 0);
  });
});
