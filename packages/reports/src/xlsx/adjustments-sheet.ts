import { DateTime } from 'luxon';
import { formatDecimal } from '../money.js';
import type { ReportChange } from '../report-changes.js';
import type { SheetColumn, WireCell } from './detail-sheet.js';
import type { WorkbookTarget } from './excel-workbook.js';

/** The first money column (Change) gets the TOTAL row: the net change to reports already sent. */
const COLUMNS: SheetColumn[] = [
  { header: 'Report', width: 22, kind: 'text' },
  { header: 'Sent', width: 18, kind: 'text' },
  { header: 'Payment', width: 22, kind: 'text' },
  { header: 'Customer', width: 24, kind: 'wrappedText' },
  { header: 'Payment Method', width: 16, kind: 'text' },
  { header: 'Paid At', width: 18, kind: 'text' },
  { header: 'Change', width: 14, kind: 'money' },
  { header: 'Reason', width: 30, kind: 'wrappedText' },
  { header: 'Sent Total', width: 14, kind: 'money' },
  { header: 'Total Now', width: 14, kind: 'money' },
];

/** The "Adjustments" sheet: one row per payment that changed an earlier report, as the email lists them. */
export async function writeAdjustmentsSheet(target: WorkbookTarget, changes: ReportChange[], timezone: string) {
  await target.startSheet({ name: 'Adjustments', columns: COLUMNS });
  const cells: WireCell[] = [];
  let net = 0n;
  for (const change of changes) {
    const sent = DateTime.fromJSDate(change.sentAt, { zone: timezone }).toFormat('yyyy-MM-dd HH:mm');
    for (const payment of change.payments) {
      net += payment.effect;
      cells.push(
        change.period.label,
        sent,
        `${payment.kind === 'sale' ? 'Sale' : 'Repair'} ${payment.reference || `#${payment.id}`}`,
        payment.customer,
        payment.method,
        payment.localTime,
        formatDecimal(payment.effect),
        payment.reason,
        formatDecimal(change.sentTotal),
        formatDecimal(change.totalNow),
      );
    }
  }
  await target.addRows(cells);
  await target.endSheet(formatDecimal(net));
}
