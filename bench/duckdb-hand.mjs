// The baseline for `plan attainment --engine duckdb`: four of its figures (every unit's numerator and
// denominator as of 2025-12-31) as one query written by hand for DuckDB, run as its own Node process.
// Usage: node bench/duckdb-hand.mjs STAFF.csv TRAININGS.csv → JSON { target: { numerator, denominator, by } }.
import { DuckDBInstance } from '@duckdb/node-api';
import { handFigures } from './hand-figures.mjs';

const [staff, trainings] = process.argv.slice(2);
const q = (s) => `'${s.replace(/'/g, "''")}'`;
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const sql = `
WITH tr AS (
  SELECT staff_id,
    bool_or(topic = 'phap-luat' AND date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') AS pl,
    bool_or(topic = 'dao-duc-cong-vu' AND date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') AS dd,
    bool_or(topic = 'ky-nang-so' AND date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') AS kns,
    bool_or(abroad AND date BETWEEN DATE '2016-01-01' AND DATE '2020-12-31') AS ab
  FROM read_csv(${q(trainings)}, types = {'date': 'DATE', 'abroad': 'BOOLEAN'})
  GROUP BY staff_id
),
s AS (
  SELECT id, unit, category, english_level,
    (active_from IS NULL OR active_from <= DATE '2025-12-31') AND (active_to IS NULL OR active_to >= DATE '2025-01-01') AS a25,
    (active_from IS NULL OR active_from <= DATE '2020-12-31') AND (active_to IS NULL OR active_to >= DATE '2020-01-01') AS a20
  FROM read_csv(${q(staff)}, types = {'active_from': 'DATE', 'active_to': 'DATE', 'english_level': 'INTEGER'})
)
SELECT unit,
  count(*) FILTER (WHERE a25 AND category = 'cong-chuc' AND pl AND dd) AS n1, count(*) FILTER (WHERE a25 AND category = 'cong-chuc') AS d1,
  count(*) FILTER (WHERE a25 AND category IN ('cong-chuc', 'vien-chuc') AND kns) AS n2, count(*) FILTER (WHERE a25 AND category IN ('cong-chuc', 'vien-chuc')) AS d2,
  count(*) FILTER (WHERE a25 AND category = 'vien-chuc' AND english_level >= 4) AS n3, count(*) FILTER (WHERE a25 AND category = 'vien-chuc') AS d3,
  count(*) FILTER (WHERE a20 AND ab) AS n4, count(*) FILTER (WHERE a20) AS d4
FROM s LEFT JOIN tr ON tr.staff_id = s.id
GROUP BY unit`;
const rows = (await c.runAndReadAll(sql)).getRowObjects();
process.stdout.write(JSON.stringify(handFigures(rows)));
