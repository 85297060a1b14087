// exceljs's streaming writer on its own (see excel-workbook.ts): the same class as the package entry's
// `stream.xlsx.WorkbookWriter`, whose types it takes.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type { stream } from 'exceljs';

  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
