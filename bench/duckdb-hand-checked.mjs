// A floor for a checked read: bench/duckdb-hand.mjs's query with the least a reader that reports bad
// rows must do, in the same single pass: every cell read as text and tested for the canonical form
// (the tests --engine duckdb uses: a plain id, a known value, a date that prints back as written,
// true/false, digits), rows that fail left out of every count and counted. No row numbers, no
// findings, no duplicate, range or unknown-person checks: less than --engine duckdb must do.
// Usage: node bench/duckdb-hand-checked.mjs STAFF.csv TRAININGS.csv → the same JSON as duckdb-hand.mjs, plus "bad".
import { DuckDBInstance } from '@duckdb/node-api';
import { handFigures } from './hand-figures.mjs';
const [staff, trainings] = process.argv.slice(2);
const q = (s) => `'${s.replace(/'/g, "''")}'`;
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const V = (cols) => `columns = {${cols.map((x) => `'${x}': 'VARCHAR'`).join(', ')}}, header = false, skip = 1, auto_detect = false, delim = ',', quote = '"', escape = '"'`;
const dateOk = (x) => `(${x} IS NULL OR (length(${x}) = 10 AND CAST(TRY_CAST(${x} AS DATE) AS VARCHAR) = ${x}))`;
const sql = `
WITH tr0 AS (SELECT staff_id, topic, date AS d, abroad,
   regexp_full_match(staff_id, '[A-Za-z0-9_-]+') AND list_contains(['phap-luat','dao-duc-cong-vu','ky-nang-cong-vu','chuc-danh-nghe-nghiep','dao-duc-nghe-nghiep','ky-nang-nghe-nghiep','kien-thuc-dan-toc','tieng-dtts','ky-nang-so','ngoai-ngu','ly-luan-chinh-tri','quan-ly-nha-nuoc','quoc-phong-an-ninh','hoi-nhap-quoc-te','other'], topic) AND ${dateOk('date')} AND date IS NOT NULL AND abroad IN ('true','false') AS ok
  FROM read_csv(${q(trainings)}, ${V(['staff_id', 'topic', 'date', 'abroad', 'hours'])})),
tr AS (
  SELECT staff_id, count(*) FILTER (WHERE NOT ok) AS bad,
    bool_or(ok AND topic = 'phap-luat' AND CAST(d AS DATE) BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') AS pl,
    bool_or(ok AND topic = 'dao-duc-cong-vu' AND CAST(d AS DATE) BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') AS dd,
    bool_or(ok AND topic = 'ky-nang-so' AND CAST(d AS DATE) BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') AS kns,
    bool_or(ok AND abroad = 'true' AND CAST(d AS DATE) BETWEEN DATE '2016-01-01' AND DATE '2020-12-31') AS ab
  FROM tr0 GROUP BY staff_id
),
s0 AS (SELECT *, regexp_full_match(id, '[A-Za-z0-9_-]+') AND unit IS NOT NULL AND category IN ('cong-chuc','vien-chuc','other') AND ${dateOk('active_from')} AND ${dateOk('active_to')} AND (english_level IS NULL OR regexp_full_match(english_level, '[0-6]')) AND (birth_year IS NULL OR regexp_full_match(birth_year, '[0-9]{1,9}')) AND (manager IS NULL OR manager IN ('true','false')) AND (position IS NULL OR regexp_full_match(position, '[!-~]([ -~]*[!-~])?')) AND (tags IS NULL OR regexp_full_match(tags, '[!-:<-~]+(;[!-:<-~]+)*')) AS ok
  FROM read_csv(${q(staff)}, ${V(['id', 'unit', 'category', 'position', 'manager', 'birth_year', 'english_level', 'tags', 'active_from', 'active_to'])})),
s AS (
  SELECT id, unit, category, ok, TRY_CAST(english_level AS INTEGER) AS english_level,
    (active_from IS NULL OR CAST(active_from AS DATE) <= DATE '2025-12-31') AND (active_to IS NULL OR CAST(active_to AS DATE) >= DATE '2025-01-01') AS a25,
    (active_from IS NULL OR CAST(active_from AS DATE) <= DATE '2020-12-31') AND (active_to IS NULL OR CAST(active_to AS DATE) >= DATE '2020-01-01') AS a20
  FROM s0
)
SELECT unit, count(*) FILTER (WHERE NOT ok) AS bad_staff, sum(tr.bad) AS bad_tr,
  count(*) FILTER (WHERE ok AND a25 AND category = 'cong-chuc' AND pl AND dd) AS n1, count(*) FILTER (WHERE ok AND a25 AND category = 'cong-chuc') AS d1,
  count(*) FILTER (WHERE ok AND a25 AND category IN ('cong-chuc', 'vien-chuc') AND kns) AS n2, count(*) FILTER (WHERE ok AND a25 AND category IN ('cong-chuc', 'vien-chuc')) AS d2,
  count(*) FILTER (WHERE ok AND a25 AND category = 'vien-chuc' AND english_level >= 4) AS n3, count(*) FILTER (WHERE ok AND a25 AND category = 'vien-chuc') AS d3,
  count(*) FILTER (WHERE ok AND a20 AND ab) AS n4, count(*) FILTER (WHERE ok AND a20) AS d4
FROM s LEFT JOIN tr ON tr.staff_id = s.id
GROUP BY unit`;
const rows = (await c.runAndReadAll(sql)).getRowObjects();
process.stdout.write(JSON.stringify({ bad: rows.reduce((a, r) => a + Number(r.bad_staff) + Number(r.bad_tr ?? 0), 0), ...handFigures(rows) }));
