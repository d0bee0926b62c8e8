// The floor for reading workbooks: exceljs's streaming reader alone, touching every cell of the
// first sheet of each workbook given, nothing else. `node bench/workbook-floor.mjs A.xlsx B.xlsx`.
import ExcelJS from 'exceljs';

let cells = 0;
for (const file of process.argv.slice(2)) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const ws of reader) {
    for await (const row of ws) {
      const values = row.values;
      for (let i = 1; i < values.length; i++) if (values[i] !== undefined) cells++;
    }
    break;
  }
}
process.stdout.write(`${cells}\n`);
