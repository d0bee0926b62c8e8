// A large plan set from a fixed seed: the bundled registries (units, leaders, provinces) and
// DECISIONS decision files of TASKS tasks each (10,000 tasks in 20 files by default), with lead and
// supporting units, leaders, every kind of period, dependencies and recorded progress, as analysts
// write them. Written to a directory the caller removes.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A small deterministic generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['van-phong', 'vu-tckt', 'vu-htqt', 'vu-ttkt', 'vu-khdt', 'vu-tccb', 'vu-pc', 'vu-tdkt', 'vu-qldtq', 'vu-ktnb', 'ban-csxh', 'ban-csyt', 'ban-tst', 'tt-cntt', 'tt-gddt', 'tt-truyen-thong', 'tt-cskh', 'vien-khbhxh', 'bhxh-tinh', 'bhxh-huyen'];
const LEADERS = ['tgd-nguyen-the-manh', 'ptgd-le-hung-son', 'ptgd-dao-viet-anh', 'ptgd-nguyen-duc-hoa'];
const WORDS = ['Xây dựng', 'triển khai', 'kế hoạch', 'kiểm tra', 'giám sát', 'thực hiện', 'chính sách', 'bảo hiểm xã hội', 'bảo hiểm y tế', 'chuyển đổi số', 'hướng dẫn', 'nghiệp vụ', 'đánh giá', 'tổng kết', 'đề án', 'cơ sở dữ liệu', 'quốc gia', 'người tham gia', 'thủ tục hành chính', 'đơn vị'];

export function writeLargePlans(dir, { decisions = 20, tasks = 500, seed = 13 } = {}) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  mkdirSync(dir, { recursive: true });
  for (const f of ['units.yaml', 'leaders.yaml', 'provinces.yaml']) copyFileSync(join(root, 'plans', f), join(dir, f));
  for (let d = 1; d <= decisions; d++) {
    const year = 2020 + (d % 6);
    const lines = [
      '# Generated for the benchmark (bench/large-plans.mjs).',
      'decision:',
      `  number: ${1000 + d}/QĐ-BHXH`,
      `  title: Về việc ban hành Kế hoạch công tác số ${d} năm ${year}`,
      '  issuer: Bảo hiểm xã hội Việt Nam',
      `  signed: ${year}-01-15`,
      '  signer: Nguyễn Thế Mạnh',
      '  signer_title: Tổng Giám đốc',
      `  term: Năm ${year}`,
      'appendices:',
      '  - id: phu-luc',
      '    label: PHỤ LỤC',
      '    title: Danh mục nhiệm vụ',
      '    columns:',
      '      - { field: no, header: STT }',
      '      - { field: content, header: Nội dung nhiệm vụ }',
      '      - { field: support, header: Đơn vị phối hợp }',
      '      - { field: start, header: Thời gian bắt đầu }',
      '      - { field: due, header: Thời gian hoàn thành }',
      '      - { field: leader, header: Lãnh đạo phụ trách }',
      `    declared_total: ${tasks}`,
      '    groups:',
    ];
    const groups = 10;
    const per = tasks / groups;
    for (let g = 1; g <= groups; g++) {
      lines.push(`      - no: "${g}"`, `        title: Nhóm nhiệm vụ ${g}`, `        lead: ${pick(UNITS)}`, `        declared_count: ${per}`, '        tasks:');
      for (let t = 1; t <= per; t++) {
        const id = `${g}.${t}`;
        const words = Array.from({ length: 8 + Math.floor(r() * 16) }, () => pick(WORDS)).join(' ');
        lines.push(`          - id: "${id}"`, `            content: ${words}`);
        if (r() < 0.3) lines.push(`            lead: ${pick(UNITS)}`);
        if (r() < 0.6) lines.push(`            support: ${pick(UNITS)}`);
        lines.push(`            leader: ${pick(LEADERS)}`);
        const k = r();
        if (k < 0.15) lines.push('            when: Thường xuyên');
        else if (k < 0.25) lines.push(`            when: Quý ${pick(['I', 'II', 'III', 'IV'])}/${year}`);
        else if (k < 0.3) lines.push('            when: Hằng năm');
        else {
          const m = 1 + Math.floor(r() * 6);
          lines.push(`            start: Tháng ${String(m).padStart(2, '0')}/${year}`, `            due: Tháng ${String(m + Math.floor(r() * 6)).padStart(2, '0')}/${year}`);
        }
        if (t > 1 && r() < 0.1) lines.push(`            depends_on: ["${g}.${1 + Math.floor(r() * (t - 1))}"]`);
        const s = r();
        if (s < 0.2) lines.push('            status:', '              state: done', `              on: ${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-10`);
        else if (s < 0.35) lines.push('            status:', '              state: in-progress', '              notes:', `                - on: ${year}-03-01`, '                  note: Đang triển khai');
      }
    }
    writeFileSync(join(dir, `qd-${1000 + d}-bhxh-${year}.yaml`), lines.join('\n') + '\n');
  }
}
