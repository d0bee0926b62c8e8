// The output formats of every report, by name only: the CLI lists and checks them at start-up
// without loading a renderer. Each report's registry (`Record<XFormat, Formatter<Report>>`, in the
// renderer's module) is typed from these lists, so a name here without a renderer, or a renderer
// without a name, does not compile. The first name of each list is the command's default.

export const FORMAT_NAMES = {
  validate: ['text', 'json', 'github'],
  units: ['table', 'json'],
  leaders: ['table', 'json'],
  tasks: ['table', 'md', 'csv', 'json', 'xlsx'],
  targets: ['table', 'md', 'csv', 'json', 'xlsx'],
  status: ['table', 'md', 'json', 'csv', 'xlsx'],
  render: ['table', 'md', 'html', 'csv', 'json', 'docx', 'xlsx'],
  diff: ['table', 'md', 'json'],
  overdue: ['table', 'md', 'csv', 'json', 'github', 'xlsx'],
  attainment: ['table', 'md', 'csv', 'json', 'xlsx'],
  report: ['md', 'html', 'docx'],
  'data-inspect': ['table', 'json'],
} as const;

/** Formats that are files, not text: written to --out FILE or a pipe, never to a terminal. */
export const BINARY_FORMATS: Readonly<Record<string, string>> = { docx: 'a Word document', xlsx: 'an Excel workbook' };

export type Report = keyof typeof FORMAT_NAMES;
export type FormatOf<K extends Report> = (typeof FORMAT_NAMES)[K][number];

export type ValidateFormat = FormatOf<'validate'>;
export type UnitFormat = FormatOf<'units'>;
export type LeaderFormat = FormatOf<'leaders'>;
export type TaskFormat = FormatOf<'tasks'>;
export type TargetFormat = FormatOf<'targets'>;
export type StatusFormat = FormatOf<'status'>;
export type AppendixFormat = FormatOf<'render'>;
export type DiffFormat = FormatOf<'diff'>;
export type OverdueFormat = FormatOf<'overdue'>;
export type AttainmentFormat = FormatOf<'attainment'>;
export type ReportFormat = FormatOf<'report'>;
export type InspectFormat = FormatOf<'data-inspect'>;
