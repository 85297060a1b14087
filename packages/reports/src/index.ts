export {
  type Cents,
  type CurrencyOptions,
  createMoneyFormatter,
  currencyNumberFormat,
  DEFAULT_CURRENCY,
  formatDecimal,
  parseCents,
  percentChange,
} from './money.js';
export {
  ACCEPTED_DATES,
  addDays,
  assertLocalDate,
  computeReportPeriod,
  type DateRange,
  ENGINE_DATES,
  FREQUENCY_DAYS,
  type Frequency,
  isSupportedInstant,
  isValidTimeZone,
  localDateProblem,
  type PeriodKind,
  type PeriodMode,
  periodBetween,
  periodFromLocalDates,
  periodFromRange,
  periodLabel,
  previousPeriod,
  type ReportPeriod,
  startOfLocalDay,
  workbookFilename,
} from './period.js';
export {
  type LargestPaymentRow,
  largestPayments,
  type PaymentCode,
  paymentStates,
  productNames,
  type RepairDetailRow,
  repairDetailRows,
  type SaleDetailRow,
  saleDetailRows,
} from './queries.js';
export { readAhead } from './read-ahead.js';
export {
  buildReport,
  type ReportJson,
  summaryToJson,
  withReportSnapshot,
} from './report.js';
export {
  type ChangedPayment,
  capturePayments,
  findReportChanges,
  type ReportChange,
  type StoredPayment,
} from './report-changes.js';
export { createSaleItemsFormatter } from './sale-items.js';
export {
  computeReportSummary,
  type MethodBreakdown,
  type ReportSummary,
  summarise,
  type Totals,
} from './summary.js';
export { MAX_TREND_DAYS, type RevenueTrend, revenueTrend, type TrendDay, trendDays } from './trend.js';
export { CURSOR_BATCH } from './xlsx/detail-rows.js';
export { workbookThreadEntry } from './xlsx/threaded-workbook.js';
export {
  type WorkbookProgress,
  type WorkbookResult,
  type WriteWorkbookOptions,
  workbookCompressionLevel,
  writeReportWorkbook,
} from './xlsx/workbook.js';
