// `plan attainment` on a 100,000-row staff workbook and its 300,000-row trainings workbook (written
// from a fixed seed into bench/.work/, not committed: title rows, Vietnamese labels and values,
// typed date and number cells, as an HR export), against the same data as canonical CSV and against
// the floor: exceljs's streaming reader alone reading every cell of both workbooks
// (bench/workbook-floor.mjs). Checks the workbook and CSV runs give the same numbers; reports wall
// time, peak RSS and the ratios. BENCH_ONLY=workbooks runs it alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../scripts/sample-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAFF = Number(process.env.BENCH_WB_STAFF ?? 100_000);
const TRAININGS = Number(process.env.BENCH_WB_TRAININGS ?? 300_000);
const SEED = 'bench-workbooks-1';
const RUNS = Number(process.env.BENCH_WB_RUNS ?? 1);
const AS_OF = '2025-12-31';
const hasTime = existsSync('/usr/bin/time');

const CATEGORY = { 'cong-chuc': 'Công chức', 'vien-chuc': 'Viên chức', other: 'Hợp đồng lao động' };
const POSITION = { 'thu-truong': 'Thủ trưởng', 'pho-thu-truong': 'Phó Thủ trưởng', 'giam-doc': 'Giám đốc', 'pho-giam-doc': 'Phó Giám đốc', 'truong-phong': 'Trưởng phòng', 'pho-truong-phong': 'Phó Trưởng phòng', '': '' };
const TOPIC = { 'phap-luat': 'Pháp luật', 'dao-duc-cong-vu': 'Đạo đức công vụ', 'ky-nang-cong-vu': 'Kỹ năng công vụ', 'chuc-danh-nghe-nghiep': 'Chức danh nghề nghiệp', 'dao-duc-nghe-nghiep': 'Đạo đức nghề nghiệp', 'ky-nang-nghe-nghiep': 'Kỹ năng nghề nghiệp', 'kien-thuc-dan-toc': 'Kiến thức dân tộc', 'tieng-dtts': 'Tiếng dân tộc thiểu số', 'ky-nang-so': 'Kỹ năng số', 'ngoai-ngu': 'Ngoại ngữ', 'ly-luan-chinh-tri': 'Lý luận chính trị', 'quan-ly-nha-nuoc': 'Quản lý nhà nước', 'quoc-phong-an-ninh': 'Quốc phòng và an ninh', 'hoi-nhap-quoc-te': 'Hội nhập quốc tế', other: 'Khác' };

function measure(cmd, args) {
  const full = hasTime ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, PLAN_CACHE: '0', NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const lines = r.stderr.trim().split('\n');
  const rssKb = hasTime ? Number(lines[lines.length - 1]) : NaN;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return { ms, rssMB: rssKb / 1024, stdout: r.stdout };
}

function rows(path) {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

const day = (iso) => (iso ? new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))) : null);

async function writeSheet(path, name, titles, header, data) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(name);
  for (const t of titles) ws.addRow([t]).commit();
  ws.addRow(header).commit();
  for (const r of data) {
    const row = ws.addRow(r);
    r.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
    row.commit();
  }
  ws.addRow(['Tổng cộng', `${data.length} dòng`]).commit();
  ws.addRow(['', 'Người lập biểu']).commit();
  ws.commit();
  await wb.commit();
}

async function data() {
  const dir = join(root, 'bench/.work', `workbooks-${STAFF}-${TRAININGS}-${SEED}`);
  const stamp = join(dir, 'done');
  if (!existsSync(stamp)) {
    mkdirSync(dir, { recursive: true });
    await generate({ staff: STAFF, trainings: TRAININGS, seed: SEED, out: dir });
    const people = rows(join(dir, 'staff.csv'));
    await writeSheet(
      join(dir, 'staff.xlsx'),
      'Danh sách',
      ['BẢO HIỂM XÃ HỘI VIỆT NAM', 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'],
      ['STT', 'Mã cán bộ', 'Đơn vị', 'Phân loại', 'Chức vụ', 'Lãnh đạo quản lý', 'Năm sinh', 'Trình độ ngoại ngữ', 'Đặc điểm', 'Từ ngày', 'Đến ngày'],
      people.map((p, i) => [i + 1, p.id, p.unit, CATEGORY[p.category], POSITION[p.position], p.manager === 'true' ? 'Có' : 'Không', Number(p.birth_year), p.english_level === '0' ? 'Không' : `Bậc ${p.english_level}`, p.tags, day(p.active_from), day(p.active_to)]),
    );
    const courses = rows(join(dir, 'trainings.csv'));
    await writeSheet(
      join(dir, 'trainings.xlsx'),
      'Bồi dưỡng',
      ['BẢO HIỂM XÃ HỘI VIỆT NAM', 'KẾT QUẢ BỒI DƯỠNG'],
      ['STT', 'Mã cán bộ', 'Nội dung bồi dưỡng', 'Ngày hoàn thành', 'Nước ngoài', 'Số giờ'],
      courses.map((c, i) => [i + 1, c.staff_id, TOPIC[c.topic], day(c.date), c.abroad === 'true' ? 'Có' : 'Không', Number(c.hours)]),
    );
    writeFileSync(stamp, 'done\n');
  }
  return dir;
}

const figures = (json) => JSON.parse(json).targets.filter((t) => t.measure.kind === 'people').map((t) => `${t.id} ${t.numerator}/${t.denominator}`);

export async function workbooksBench() {
  const dir = await data();
  const xlsx = ['staff.xlsx', 'trainings.xlsx'].map((f) => join(dir, f));
  const csv = ['staff.csv', 'trainings.csv'].map((f) => join(dir, f));
  const mb = (fs) => fs.reduce((a, f) => a + statSync(f).size, 0) / 1e6;
  const plan = (files) => [join(root, 'bin/plan.js'), 'attainment', '--as-of', AS_OF, '--staff', files[0], '--trainings', files[1], '--format', 'json'];
  const runs = { floor: [], xlsx: [], csv: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.floor.push(measure(process.execPath, [join(root, 'bench/workbook-floor.mjs'), ...xlsx]));
    runs.xlsx.push(measure(process.execPath, plan(xlsx)));
    runs.csv.push(measure(process.execPath, plan(csv)));
  }
  const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const f = best(runs.floor);
  const w = best(runs.xlsx);
  const c = best(runs.csv);
  const same = JSON.stringify(figures(w.stdout)) === JSON.stringify(figures(c.stdout));
  console.log(`workbooks: ${STAFF.toLocaleString('en')} staff and ${TRAININGS.toLocaleString('en')} trainings as .xlsx (${mb(xlsx).toFixed(0)} MB; ${Number(f.stdout).toLocaleString('en')} cells) and as CSV (${mb(csv).toFixed(0)} MB); best of ${RUNS} run${RUNS === 1 ? '' : 's'}`);
  console.log(`  exceljs streaming reader alone, every cell (floor) ${(f.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${f.rssMB.toFixed(0)} MB`);
  console.log(`  plan attainment on the workbooks                  ${(w.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${w.rssMB.toFixed(0)} MB  (${(w.ms / f.ms).toFixed(2)}× the floor)`);
  console.log(`  plan attainment on the same data as CSV           ${(c.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${c.rssMB.toFixed(0)} MB  (workbooks take ${(w.ms / c.ms).toFixed(2)}× the CSV time)`);
  console.log(same ? `  the workbook and CSV runs agree on all ${figures(c.stdout).length} people targets` : '  DISAGREE: the workbook and CSV runs give different figures');
  if (!same) process.exitCode = 1;
  return { floor: f, xlsx: w, csv: c, same };
}

if (import.meta.url === `file://${process.argv[1]}`) await workbooksBench();
