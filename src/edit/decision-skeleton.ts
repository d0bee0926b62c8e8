// The text of a new decision file (`plan new`): every part a decision has, commented in Vietnamese
// and English, with registry ids that exist, so it validates before anything is filled in.

export interface SkeletonInput {
  /** The document number as written: "999/KH-BHXH". */
  number: string;
  /** The signing day, YYYY-MM-DD. */
  signed: string;
  /** The schema reference for the first line, relative to the file. */
  schemaRef: string;
  /** A central unit that leads the example group, and one that receives the example report. */
  leadUnit: { id: string; name: string };
  reportTo: { id: string; name: string };
  /** A group unit ("BHXH các tỉnh, thành phố") for the example's supporting units, if the registry has one. */
  support?: { id: string; name: string };
  leader?: { id: string; display: string };
  /** A people measure over these datasets when the registry has them; otherwise `none`. */
  staffMeasure: boolean;
  title?: string;
}

/** The file id the bundled plans use: kind, number, issuer, year ("qd-88-bhxh-2024"). */
export function fileIdOf(number: string, signed: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const year = signed.slice(0, 4);
  const m = /^\s*(\d+)\s*\/\s*([^-\s]+)\s*-\s*(.+?)\s*$/.exec(number);
  const id = m ? `${slug(m[2]!)}-${slug(m[1]!)}-${slug(m[3]!)}-${year}` : `${slug(number)}-${year}`;
  return id.replace(/-+/g, '-').replace(/^-|-$/g, '') || `decision-${year}`;
}

/** YAML double-quoted text. */
function q(s: string): string {
  return JSON.stringify(s);
}

export function decisionSkeleton(input: SkeletonInput): string {
  const year = Number(input.signed.slice(0, 4));
  const [y, mo, d] = input.signed.split('-');
  // The example task starts in the quarter of signing: an earlier quarter would be a task that
  // began before the decision (START_BEFORE_SIGNED under --strict), and the skeleton must validate.
  const quarter = ['I', 'II', 'III', 'IV'][Math.floor((Number(mo) - 1) / 3)]!;
  const title = input.title ?? 'Kế hoạch … (điền tên văn bản / the title as the document writes it)';
  const measure = input.staffMeasure
    ? `    # Cách đo từ dữ liệu (plans/datasets.yaml) / how it is measured from data:
    measure:
      people: staff
      population: { category: cong-chuc }
      achieved: { trained: { topic: phap-luat } }`
    : `    # Cách đo từ dữ liệu / how it is measured; "none" until a dataset can measure it:
    measure:
      none: Chưa có dữ liệu để đo / no dataset measures this yet`;
  const support = input.support ? `            support: { units: [${input.support.id}], as_written: ${q(input.support.name)} }   # đơn vị phối hợp / supporting units\n` : '';
  const leader = input.leader ? `\n            leader: ${input.leader.id}            # ${input.leader.display}` : '';
  return `# yaml-language-server: $schema=${input.schemaRef}
# Văn bản ${input.number}: điền từ văn bản gốc, giữ nguyên câu chữ.
# Decision ${input.number}: fill in from the source document, keeping its wording verbatim.
# Kiểm tra / check: plan validate    Bảng phụ lục / the tables: plan render ${q(input.number)}

# Thông tin văn bản / the decision's metadata.
decision:
  number: ${q(input.number)}
  title: ${q(title)}
  issuer: Bảo hiểm xã hội Việt Nam        # cơ quan ban hành / issuing body
  signed: ${input.signed}                 # ngày ký / signing day (YYYY-MM-DD)
  signer: "…"                             # người ký / signer
  place: Hà Nội                           # "Hà Nội, ngày ${d} tháng ${mo} năm ${y}"
  term: Năm ${year}                       # thời kỳ / the period it covers: "2021 - 2025", "Năm ${year}"
  legal_basis:                            # căn cứ / legal basis, one line each
    - "…"

# Phụ lục: mỗi bảng một mục; nhóm (dòng in đậm) chứa nhiệm vụ.
# Appendices: one entry per table; groups (the bold rows) hold the tasks.
appendices:
  - id: phu-luc
    label: PHỤ LỤC
    title: Danh mục nhiệm vụ              # tiêu đề bảng / the table's title
    columns:                              # các cột như văn bản / the columns as the document shows them
      - { field: no, header: TT }
      - { field: content, header: Nội dung công việc }
      - { field: lead, header: Đơn vị chủ trì }
      - { field: support, header: Đơn vị phối hợp }
      - { field: due, header: Thời gian hoàn thành }
      - { field: leader, header: Lãnh đạo phụ trách }
    declared_total: 1                     # "TỔNG SỐ" văn bản ghi / the total the document states
    groups:
      - no: "1"
        lead: ${input.leadUnit.id}                   # ${input.leadUnit.name}: mã, tên hoặc tên viết tắt / an id, name or short code
        declared_count: 1                 # số nhiệm vụ văn bản ghi / the count the document states
        tasks:
          - id: "1.1"                     # số thứ tự như văn bản / the document's numbering
            content: >-
              Nội dung nhiệm vụ, nguyên văn / the task as the document writes it
${support}            start: Quý ${quarter}/${year}${' '.repeat(4 - quarter.length)}             # bắt đầu / start: "Tháng 3/${year}", "Quý I - Quý III/${year}", "Đầu năm ${year}"
            due: Quý IV/${year}                 # hoàn thành / due: "Trước ngày 30/6/${year}", "Thường xuyên", "Sau khi …"${leader}
            product: "…"                  # sản phẩm / deliverable

# Chỉ tiêu: mỗi con số một mục / targets: one entry per figure.
targets:
  - id: chi-tieu-1
    text: Hằng năm, tối thiểu 80% công chức được bồi dưỡng kiến thức pháp luật   # nguyên văn / verbatim
    section: "2.1"                        # mục của văn bản / where the sentence stands
    comparator: at_least                  # tối thiểu → at_least; tối đa → at_most; trên → more_than
    threshold: 80                         # phần trăm / percent
    every: year                           # hằng năm / each year; or by: ${year + 1} ("Đến năm ${year + 1}")
${measure}

# Chế độ báo cáo / reporting duties.
reporting:
  - id: bao-cao-nam
    text: Định kỳ hằng năm (trước ngày 15 tháng 11) báo cáo kết quả thực hiện   # nguyên văn / verbatim
    to: ${input.reportTo.id}                         # ${input.reportTo.name}: nơi nhận / who receives it
    due: ["trước ngày 15 tháng 11"]       # hạn mỗi năm / each year's deadline
`;
}
