// Column headers and sheet names of the workbooks, in Vietnamese and English. Content stays as written.

export interface SheetWords {
  sheet: { tasks: string; overdue: string; dueSoon: string; waiting: string; stale: string; duties: string; summary: string; targets: string; attainment: string; breakdown: string; data: string; targetSummary: string; unmet: string };
  col: {
    decision: string;
    title: string;
    id: string;
    item: string;
    targetId: string;
    dutyId: string;
    period: string;
    content: string;
    group: string;
    lead: string;
    support: string;
    leader: string;
    /** Over the overdue lists: the body a reporting duty reports to (`to` heads the duties sheet's own column). */
    recipient: string;
    start: string;
    startDay: string;
    due: string;
    dueDay: string;
    state: string;
    stateKey: string;
    daysLate: string;
    daysLeft: string;
    product: string;
    tasks: string;
    doneLate: string;
    reportsOverdue: string;
    duty: string;
    from: string;
    to: string;
    deadlines: string;
    firstYear: string;
    lastYear: string;
    submitted: string;
    instances: string;
    overdueCount: string;
    overduePeriods: string;
    next: string;
    nextDue: string;
    target: string;
    section: string;
    comparator: string;
    threshold: string;
    every: string;
    byYear: string;
    periodFrom: string;
    periodTo: string;
    numerator: string;
    denominator: string;
    value: string;
    status: string;
    needed: string;
    reason: string;
    breakdownBy: string;
    suppressed: string;
    dataset: string;
    file: string;
    rowsKept: string;
    rowsExcluded: string;
    failed: string;
    met: string;
    notMet: string;
    inProgress: string;
    noData: string;
    lastNote: string;
  };
  comparator: Record<'at_least' | 'at_most' | 'more_than', string>;
  everyYear: string;
  suppressedSmall: string;
  suppressedOther: string;
}

const VI: SheetWords = {
  sheet: {
    tasks: 'Nhiệm vụ',
    overdue: 'Quá hạn',
    dueSoon: 'Sắp đến hạn',
    waiting: 'Chờ sự kiện',
    stale: 'Chưa cập nhật',
    duties: 'Chế độ báo cáo',
    summary: 'Tổng hợp',
    targets: 'Chỉ tiêu',
    attainment: 'Kết quả chỉ tiêu',
    breakdown: 'Chi tiết',
    data: 'Dữ liệu',
    targetSummary: 'Tổng hợp chỉ tiêu',
    unmet: 'Chỉ tiêu chưa đạt',
  },
  col: {
    decision: 'Quyết định',
    title: 'Trích yếu',
    id: 'Số thứ tự',
    item: 'Mục',
    targetId: 'Mã chỉ tiêu',
    dutyId: 'Mã báo cáo',
    period: 'Kỳ',
    content: 'Nội dung',
    group: 'Nhóm',
    lead: 'Đơn vị chủ trì',
    support: 'Đơn vị phối hợp',
    leader: 'Lãnh đạo phụ trách',
    recipient: 'Nơi nhận báo cáo',
    start: 'Thời gian bắt đầu',
    startDay: 'Ngày bắt đầu',
    due: 'Thời gian hoàn thành',
    dueDay: 'Hạn hoàn thành',
    state: 'Tình trạng',
    stateKey: 'Mã tình trạng',
    daysLate: 'Số ngày quá hạn',
    daysLeft: 'Số ngày còn lại',
    product: 'Sản phẩm',
    tasks: 'Số nhiệm vụ',
    doneLate: 'Hoàn thành trễ hạn',
    reportsOverdue: 'Báo cáo quá hạn',
    duty: 'Báo cáo',
    from: 'Đơn vị báo cáo',
    to: 'Nơi nhận',
    deadlines: 'Thời hạn',
    firstYear: 'Từ năm',
    lastYear: 'Đến năm',
    submitted: 'Số kỳ đã nộp',
    instances: 'Số kỳ',
    overdueCount: 'Số kỳ quá hạn',
    overduePeriods: 'Các kỳ quá hạn',
    next: 'Kỳ tiếp theo',
    nextDue: 'Hạn kỳ tiếp theo',
    target: 'Chỉ tiêu',
    section: 'Mục',
    comparator: 'So sánh',
    threshold: 'Mục tiêu',
    every: 'Hằng năm',
    byYear: 'Đến năm',
    periodFrom: 'Từ ngày',
    periodTo: 'Đến ngày',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
    value: 'Kết quả',
    status: 'Đánh giá',
    needed: 'Còn thiếu',
    reason: 'Ghi chú',
    breakdownBy: 'Theo',
    suppressed: 'Ẩn',
    dataset: 'Dữ liệu',
    file: 'Tệp',
    rowsKept: 'Số dòng dùng',
    rowsExcluded: 'Số dòng loại',
    failed: 'Không đọc được',
    met: 'Đạt',
    notMet: 'Chưa đạt',
    inProgress: 'Chưa hết kỳ',
    noData: 'Không có dữ liệu',
    lastNote: 'Ghi nhận gần nhất',
  },
  comparator: { at_least: 'tối thiểu', at_most: 'tối đa', more_than: 'trên' },
  everyYear: 'hằng năm',
  suppressedSmall: 'nhóm nhỏ',
  suppressedOther: 'bảo vệ nhóm khác',
};

const EN: SheetWords = {
  sheet: {
    tasks: 'Tasks',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    waiting: 'Waiting',
    stale: 'Stale',
    duties: 'Reporting duties',
    summary: 'Summary',
    targets: 'Targets',
    attainment: 'Attainment',
    breakdown: 'Breakdown',
    data: 'Data',
    targetSummary: 'Target summary',
    unmet: 'Targets not met',
  },
  col: {
    decision: 'Decision',
    title: 'Title',
    id: 'No.',
    item: 'Item',
    targetId: 'Target id',
    dutyId: 'Duty id',
    period: 'Period',
    content: 'Content',
    group: 'Group',
    lead: 'Lead unit',
    support: 'Supporting units',
    leader: 'Responsible leader',
    recipient: 'Reports to',
    start: 'Start',
    startDay: 'Start day',
    due: 'Finish',
    dueDay: 'Due day',
    state: 'State',
    stateKey: 'State key',
    daysLate: 'Days late',
    daysLeft: 'Days left',
    product: 'Product',
    tasks: 'Tasks',
    doneLate: 'Done late',
    reportsOverdue: 'Reports overdue',
    duty: 'Report',
    from: 'Reporting unit',
    to: 'Reports to',
    deadlines: 'Deadlines',
    firstYear: 'First year',
    lastYear: 'Last year',
    submitted: 'Periods submitted',
    instances: 'Periods',
    overdueCount: 'Periods overdue',
    overduePeriods: 'Overdue periods',
    next: 'Next period',
    nextDue: 'Next due',
    target: 'Target',
    section: 'Section',
    comparator: 'Comparator',
    threshold: 'Threshold',
    every: 'Every year',
    byYear: 'By year',
    periodFrom: 'From',
    periodTo: 'To',
    numerator: 'Numerator',
    denominator: 'Denominator',
    value: 'Value',
    status: 'Status',
    needed: 'Needed',
    reason: 'Note',
    breakdownBy: 'By',
    suppressed: 'Suppressed',
    dataset: 'Dataset',
    file: 'File',
    rowsKept: 'Rows used',
    rowsExcluded: 'Rows excluded',
    failed: 'Not read',
    met: 'Met',
    notMet: 'Not met',
    inProgress: 'In progress',
    noData: 'No data',
    lastNote: 'Latest note',
  },
  comparator: { at_least: 'at least', at_most: 'at most', more_than: 'more than' },
  everyYear: 'every year',
  suppressedSmall: 'small group',
  suppressedOther: 'protects another',
};

export function sheetWords(lang: 'vi' | 'en'): SheetWords {
  return lang === 'en' ? EN : VI;
}
