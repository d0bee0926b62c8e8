// The four figures the hand-written DuckDB queries return (bench/duckdb-hand.mjs and
// bench/duckdb-hand-checked.mjs), from their rows of unit, n1, d1 … n4, d4, as plan's JSON gives them.
export const HAND_TARGETS = ['cc-phap-luat-dao-duc', 'boi-duong-ky-nang-so', 'vc-ngoai-ngu-bac-4', 'dao-tao-nuoc-ngoai-2'];

export function handFigures(rows) {
  const out = {};
  HAND_TARGETS.forEach((id, i) => {
    const by = {};
    let n = 0;
    let d = 0;
    for (const r of rows) {
      const a = Number(r[`n${i + 1}`]);
      const b = Number(r[`d${i + 1}`]);
      n += a;
      d += b;
      if (b > 0) by[r.unit] = [a, b];
    }
    out[id] = { numerator: n, denominator: d, by };
  });
  return out;
}
