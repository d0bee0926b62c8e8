// node scripts/export-fixtures.mjs OUT_DIR [--staff N] [--seed S]
// One synthetic staff list and its trainings (scripts/sample-data.mjs, a fixed seed) in the canonical
// CSV and as five exports the way HR systems and Excel write them:
//   1. export.xlsx-staff.xlsx / -trainings.xlsx: two title rows, Vietnamese header labels, typed
//      cells (date cells, numbers), a "Tổng cộng" footer and a signature block;
//   2. semicolon-bom: `;`-separated UTF-8 with a BOM, labels with "(*)" marks, an STT column;
//   3. utf16-tab: Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated, d/m/yyyy dates;
//   4. cp1258: Windows-1258 CSV with Vietnamese labels and category values;
//   5. vi-values: UTF-8 CSV with dd/mm/yyyy dates, Vietnamese category, position and topic values,
//      CEFR levels.
// The same seed always gives the same data (the workbooks' zip timestamps aside).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { generate } from './sample-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const CATEGORY = { 'cong-chuc': 'Công chức', 'vien-chuc': 'Viên chức', other: 'Hợp đồng lao động' };
const CATEGORY_SHORT = { 'cong-chuc': 'CC', 'vien-chuc': 'Viên chức', other: 'HĐLĐ' };
const POSITION = { 'thu-truong': 'Thủ trưởng', 'pho-thu-truong': 'Phó Thủ trưởng', 'giam-doc': 'Giám đốc', 'pho-giam-doc': 'Phó Giám đốc', 'truong-phong': 'Trưởng phòng', 'pho-truong-phong': 'Phó Trưởng phòng', '': '' };
const TOPIC = {
  'phap-luat': 'Pháp luật',
  'dao-duc-cong-vu': 'Đạo đức công vụ',
  'ky-nang-cong-vu': 'Kỹ năng công vụ',
  'chuc-danh-nghe-nghiep': 'Chức danh nghề nghiệp',
  'dao-duc-nghe-nghiep': 'Đạo đức nghề nghiệp',
  'ky-nang-nghe-nghiep': 'Kỹ năng nghề nghiệp',
  'kien-thuc-dan-toc': 'Kiến thức dân tộc',
  'tieng-dtts': 'Tiếng dân tộc thiểu số',
  'ky-nang-so': 'Kỹ năng số',
  'ngoai-ngu': 'Ngoại ngữ',
  'ly-luan-chinh-tri': 'Lý luận chính trị',
  'quan-ly-nha-nuoc': 'Quản lý nhà nước',
  'quoc-phong-an-ninh': 'Quốc phòng và an ninh',
  'hoi-nhap-quoc-te': 'Hội nhập quốc tế',
  other: 'Khác',
};
const TAG = { 'hoi-nhap-quoc-te': 'Hội nhập quốc tế', 'cong-tac-dan-toc': 'Công tác dân tộc', 'tiep-xuc-dtts': 'Tiếp xúc đồng bào DTTS', 'giang-vien': 'Giảng viên' };
const CEFR = ['Không', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

const STAFF_VI = ['Mã cán bộ', 'Đơn vị', 'Phân loại', 'Chức vụ', 'Lãnh đạo quản lý', 'Năm sinh', 'Trình độ ngoại ngữ', 'Đặc điểm', 'Từ ngày', 'Đến ngày'];
const TRAIN_VI = ['Mã cán bộ', 'Nội dung bồi dưỡng', 'Ngày hoàn thành', 'Nước ngoài', 'Số giờ'];

/** Canonical CSV (no quoting in the generated data) → rows of objects. */
function readCanonical(path) {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

const dmy = (iso, pad = true) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return pad ? `${d}/${m}/${y}` : `${Number(d)}/${Number(m)}/${y}`;
};

function csvCell(v, delimiter) {
  const s = String(v);
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows, delimiter, eol = '\r\n') => rows.map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join(eol) + eol;

/** Vietnamese text as Windows-1258 writes it: tone marks as combining characters after the letter. */
function toCp1258Form(s) {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  return s.normalize('NFD').replace(/(\P{M})(\p{M}*)/gu, (_m, base, marks) => {
    const tones = marks.match(TONES) ?? [];
    const rest = marks.replace(TONES, '');
    return (base + rest).normalize('NFC') + tones.join('');
  });
}

async function writeWorkbook(path, sheetName, titles, header, rows, footer) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 2, 15));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(sheetName);
  for (const t of titles) ws.addRow([t]);
  ws.addRow(header);
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => (c instanceof Date ? c : c)));
    r.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  for (const f of footer) ws.addRow(f);
  await wb.xlsx.writeFile(path);
}

const utcDate = (iso) => {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

export async function writeExports(out, { staff = 400, seed = 'export-fixtures' } = {}) {
  const canonical = join(out, 'canonical');
  mkdirSync(canonical, { recursive: true });
  await generate({ staff, seed, out: canonical });
  const people = readCanonical(join(canonical, 'staff.csv'));
  const courses = readCanonical(join(canonical, 'trainings.csv'));
  const units = [];
  for (const f of ['units.yaml', 'provinces.yaml']) units.push(...parse(readFileSync(join(root, 'plans', f), 'utf8')).units);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const files = { canonical: { staff: join(canonical, 'staff.csv'), trainings: join(canonical, 'trainings.csv') } };

  // 1. Workbooks: title rows, Vietnamese labels, typed cells, totals and a signature block below.
  const xlsxStaff = join(out, 'export-staff.xlsx');
  const xlsxTrain = join(out, 'export-trainings.xlsx');
  await writeWorkbook(
    xlsxStaff,
    'Danh sách',
    ['BẢO HIỂM XÃ HỘI VIỆT NAM', 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'],
    ['STT', 'Mã cán bộ', 'Họ và tên', 'Đơn vị công tác', 'Phân loại', 'Chức vụ', 'Lãnh đạo quản lý', 'Năm sinh', 'Trình độ ngoại ngữ', 'Đặc điểm', 'Từ ngày', 'Đến ngày'],
    people.map((p, i) => [
      i + 1,
      p.id,
      `Cán bộ số ${i + 1}`,
      unitName.get(p.unit) ?? p.unit,
      CATEGORY[p.category],
      POSITION[p.position],
      p.manager === 'true' ? 'x' : '',
      Number(p.birth_year),
      p.english_level === '0' ? 'Không' : `Bậc ${p.english_level}`,
      p.tags ? p.tags.split(';').map((t) => TAG[t]).join('; ') : '',
      utcDate(p.active_from),
      utcDate(p.active_to),
    ]),
    [['Tổng cộng', '', `${people.length} người`], [], ['', '', '', '', '', '', '', '', 'Hà Nội, ngày 15 tháng 3 năm 2026'], ['', 'Người lập biểu', '', '', '', '', '', '', 'THỦ TRƯỞNG ĐƠN VỊ'], ['', '(Ký, ghi rõ họ tên)']],
  );
  await writeWorkbook(
    xlsxTrain,
    'Bồi dưỡng',
    ['BẢO HIỂM XÃ HỘI VIỆT NAM', 'KẾT QUẢ BỒI DƯỠNG CÁN BỘ'],
    ['STT', 'Mã cán bộ', 'Nội dung bồi dưỡng', 'Ngày hoàn thành', 'Nước ngoài', 'Số giờ'],
    courses.map((c, i) => [i + 1, c.staff_id, TOPIC[c.topic], utcDate(c.date), c.abroad === 'true' ? 'Nước ngoài' : 'Trong nước', Number(c.hours)]),
    [['Tổng cộng', '', `${courses.length} lượt`], [], ['', 'Người lập biểu']],
  );
  files.xlsx = { staff: xlsxStaff, trainings: xlsxTrain };

  // 2. Semicolon CSV with a BOM (Excel's "CSV UTF-8" in a locale whose list separator is ";").
  const semiStaff = [['STT', 'Mã cán bộ (*)', 'Đơn vị (*)', 'Phân loại:', 'Chức vụ', 'Lãnh đạo quản lý', 'Năm sinh', 'Bậc ngoại ngữ', 'Đặc điểm', 'Từ ngày', 'Đến ngày'], ...people.map((p, i) => [i + 1, p.id, p.unit, CATEGORY_SHORT[p.category], p.position, p.manager === 'true' ? 'Có' : 'Không', p.birth_year, p.english_level, p.tags, p.active_from, p.active_to])];
  const semiTrain = [['STT', 'Mã cán bộ (*)', 'Chủ đề', 'Ngày', 'Ở nước ngoài', 'Thời lượng'], ...courses.map((c, i) => [i + 1, c.staff_id, c.topic, c.date, c.abroad === 'true' ? 'Có' : 'Không', c.hours])];
  files.semicolon = { staff: join(out, 'semicolon-staff.csv'), trainings: join(out, 'semicolon-trainings.csv') };
  writeFileSync(files.semicolon.staff, '\ufeff' + csv(semiStaff, ';'));
  writeFileSync(files.semicolon.trainings, '\ufeff' + csv(semiTrain, ';'));

  // 3. Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated, d/m/yyyy dates.
  const tabStaff = [STAFF_VI, ...people.map((p) => [p.id, p.unit, p.category, p.position, p.manager, p.birth_year, p.english_level, p.tags, dmy(p.active_from, false), dmy(p.active_to, false)])];
  const tabTrain = [TRAIN_VI, ...courses.map((c) => [c.staff_id, c.topic, dmy(c.date, false), c.abroad, c.hours])];
  files.utf16 = { staff: join(out, 'unicode-staff.txt'), trainings: join(out, 'unicode-trainings.txt') };
  writeFileSync(files.utf16.staff, Buffer.from('\ufeff' + csv(tabStaff, '\t'), 'utf16le'));
  writeFileSync(files.utf16.trainings, Buffer.from('\ufeff' + csv(tabTrain, '\t'), 'utf16le'));

  // 4. Windows-1258 CSV: Vietnamese labels and category, topic and boolean values.
  const iconv = (await import('iconv-lite')).default;
  const cpStaff = [STAFF_VI, ...people.map((p) => [p.id, p.unit, CATEGORY[p.category], POSITION[p.position], p.manager === 'true' ? 'Có' : 'Không', p.birth_year, p.english_level, p.tags, p.active_from, p.active_to])];
  const cpTrain = [TRAIN_VI, ...courses.map((c) => [c.staff_id, TOPIC[c.topic], c.date, c.abroad === 'true' ? 'Nước ngoài' : 'Trong nước', c.hours])];
  files.cp1258 = { staff: join(out, 'cp1258-staff.csv'), trainings: join(out, 'cp1258-trainings.csv') };
  writeFileSync(files.cp1258.staff, iconv.encode(toCp1258Form(csv(cpStaff, ',')), 'windows-1258'));
  writeFileSync(files.cp1258.trainings, iconv.encode(toCp1258Form(csv(cpTrain, ',')), 'windows-1258'));

  // 5. dd/mm/yyyy dates, Vietnamese category, position and topic values, CEFR levels.
  const viStaff = [STAFF_VI, ...people.map((p) => [p.id, p.unit, CATEGORY[p.category], POSITION[p.position], p.manager === 'true' ? 'Có' : 'Không', p.birth_year, CEFR[Number(p.english_level)], p.tags ? p.tags.split(';').map((t) => TAG[t]).join(';') : '', dmy(p.active_from), dmy(p.active_to)])];
  const viTrain = [TRAIN_VI, ...courses.map((c) => [c.staff_id, TOPIC[c.topic], dmy(c.date), c.abroad === 'true' ? 'Có' : 'Không', c.hours])];
  files.viValues = { staff: join(out, 'vi-values-staff.csv'), trainings: join(out, 'vi-values-trainings.csv') };
  writeFileSync(files.viValues.staff, csv(viStaff, ','));
  writeFileSync(files.viValues.trainings, csv(viTrain, ','));
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const out = resolve(args[0] ?? 'export-fixtures');
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const files = await writeExports(out, { ...(opt('--staff') ? { staff: Number(opt('--staff')) } : {}), ...(opt('--seed') ? { seed: opt('--seed') } : {}) });
  console.error(`wrote ${Object.keys(files).length} versions of one staff list and its trainings to ${out}`);
}
