import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReportEmailData } from '../report-email-data.js';
import { reportFooter } from '../report-email-text.js';

export type PdfPageSize = 'A4' | 'LETTER';

export type ReportPdfOptions = { pageSize: PdfPageSize; shopName: string };

/**
 * DejaVu Sans has the peso sign and every Latin letter a customer's name may carry; PDF's built-in
 * Helvetica has neither ₱ nor most accents. Registered once per process, from the package's own files.
 */
let fontsRegistered = false;
function registerFonts(): void {
  if (fontsRegistered) return;
  const folder = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  Font.register({
    family: 'DejaVu Sans',
    fonts: [{ src: join(folder, 'DejaVuSans.ttf') }, { src: join(folder, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' }],
  });
  // Names and references are never hyphenated.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

const NAVY = '#203864';
const BLUE = '#4472c4';
const ORANGE = '#e08a1e';
const MUTED = '#5b6472';
const styles = StyleSheet.create({
  page: { fontFamily: 'DejaVu Sans', fontSize: 9, padding: 36, paddingBottom: 54, color: '#111827' },
  shop: { fontSize: 9, color: MUTED, textTransform: 'uppercase' },
  title: { fontSize: 18, fontWeight: 'bold', color: NAVY, marginTop: 4 },
  muted: { color: MUTED, marginTop: 2, marginBottom: 10 },
  note: { backgroundColor: '#fff7e6', padding: 6, marginBottom: 8 },
  kpis: { flexDirection: 'row', flexWrap: 'wrap', marginHorizontal: -3 },
  kpi: { width: '33.33%', padding: 3 },
  kpiBox: { backgroundColor: '#d9e8f5', padding: 6, minHeight: 52 },
  kpiLabel: { fontSize: 7, color: NAVY, textTransform: 'uppercase' },
  kpiValue: { fontSize: 13, fontWeight: 'bold', marginTop: 3 },
  kpiDetail: { fontSize: 7, color: MUTED, marginTop: 2 },
  section: { fontSize: 12, fontWeight: 'bold', color: NAVY, marginTop: 14, marginBottom: 5 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#e5e7eb', paddingVertical: 3 },
  head: { flexDirection: 'row', backgroundColor: BLUE, color: '#ffffff', fontWeight: 'bold', paddingVertical: 3 },
  total: { flexDirection: 'row', backgroundColor: '#d9e8f5', fontWeight: 'bold', paddingVertical: 3 },
  cell: { paddingHorizontal: 3 },
  num: { paddingHorizontal: 3, textAlign: 'right' },
  bar: { flexDirection: 'row', height: 8, marginTop: 1 },
  footer: { position: 'absolute', bottom: 24, left: 36, right: 36, flexDirection: 'row', color: MUTED, fontSize: 7 },
});

/** The report as a PDF: KPIs, the trend, payment methods and largest payments, from the email's data. */
export function renderReportPdf(data: ReportEmailData, options: ReportPdfOptions): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<ReportPdf data={data} options={options} />);
}

function ReportPdf({ data, options }: { data: ReportEmailData; options: ReportPdfOptions }) {
  return (
    <Document title={data.subject} author={options.shopName} creator="reportmail" producer="reportmail">
      <Page size={options.pageSize} style={styles.page}>
        <Text style={styles.shop}>{options.shopName}</Text>
        <Text style={styles.title}>{data.title}</Text>
        <Text style={styles.muted}>{`${data.periodLabel} · times in ${data.timezone}`}</Text>
        {data.notes.map((note) => (
          <Text key={note} style={styles.note}>
            {note}
          </Text>
        ))}
        <View style={styles.kpis}>
          {data.kpis.map((kpi) => (
            <View key={kpi.label} style={styles.kpi} wrap={false}>
              <View style={styles.kpiBox}>
                <Text style={styles.kpiLabel}>{kpi.label}</Text>
                <Text style={styles.kpiValue}>{kpi.value}</Text>
                <Text style={styles.kpiDetail}>{kpi.detail}</Text>
              </View>
            </View>
          ))}
        </View>
        <TrendPdf trend={data.trend} />
        <MethodsPdf data={data} />
        <LargestPdf rows={data.largest} />
        <View fixed style={styles.footer}>
          <Text style={{ flex: 1 }}>{reportFooter(data)}</Text>
          <Text
            style={{ width: 70, textAlign: 'right' }}
            render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
          />
        </View>
      </Page>
    </Document>
  );
}

function TrendPdf({ trend }: { trend: ReportEmailData['trend'] }) {
  if (!trend || trend.days.length === 0) return null;
  return (
    <View wrap={false}>
      <Text style={styles.section}>{trend.title}</Text>
      {trend.days.map((day) => (
        <View key={day.key} style={{ ...styles.row, fontWeight: day.current ? 'bold' : 'normal' }}>
          <Text style={{ ...styles.cell, width: 80 }}>{day.label}</Text>
          <View style={{ ...styles.bar, flex: 1 }}>
            <View style={{ width: `${day.salesWidth}%`, backgroundColor: BLUE }} />
            <View style={{ width: `${day.repairsWidth}%`, backgroundColor: ORANGE }} />
          </View>
          <Text style={{ ...styles.num, width: 90 }}>{day.total}</Text>
        </View>
      ))}
      <Text style={{ color: MUTED, marginTop: 3 }}>Blue: sales · Orange: repairs</Text>
    </View>
  );
}

function MethodsPdf({ data }: { data: ReportEmailData }) {
  return (
    <View>
      <Text style={styles.section}>Payment methods</Text>
      {data.breakdown.length === 0 ? (
        <Text style={{ color: MUTED }}>No payments were received in this period.</Text>
      ) : (
        <>
          <MethodRow style={styles.head} cells={['Method', 'Count', 'Total', 'Sales', 'Repairs']} />
          {data.breakdown.map((row) => (
            <MethodRow
              key={row.method}
              style={styles.row}
              cells={[row.method, row.count, row.total, row.sales, row.repairs]}
            />
          ))}
          <MethodRow
            style={styles.total}
            cells={[
              'TOTAL',
              data.breakdownTotal.count,
              data.breakdownTotal.total,
              data.breakdownTotal.sales,
              data.breakdownTotal.repairs,
            ]}
          />
        </>
      )}
    </View>
  );
}

/** Method, then count, total, sales and repairs right-aligned (the count narrower). */
const METHOD_COLUMNS = ['count', 'total', 'sales', 'repairs'] as const;

function MethodRow({ style, cells }: { style: (typeof styles)[keyof typeof styles]; cells: string[] }) {
  const [method, ...numbers] = cells;
  return (
    <View style={style} wrap={false}>
      <Text style={{ ...styles.cell, flex: 2 }}>{method}</Text>
      {METHOD_COLUMNS.map((column, index) => (
        <Text key={column} style={{ ...styles.num, flex: column === 'count' ? 0.6 : 1 }}>
          {numbers[index]}
        </Text>
      ))}
    </View>
  );
}

function LargestPdf({ rows }: { rows: ReportEmailData['largest'] }) {
  return (
    <View>
      <Text style={styles.section}>Largest payments</Text>
      {rows.length === 0 ? <Text style={{ color: MUTED }}>None.</Text> : null}
      {rows.map((row) => (
        <View key={row.key} style={styles.row} wrap={false}>
          <Text style={{ ...styles.cell, width: 96 }}>{row.when}</Text>
          <Text
            style={{ ...styles.cell, flex: 1 }}
          >{`${row.kind} ${row.reference} · ${row.customer} · ${row.method}`}</Text>
          <Text style={{ ...styles.num, width: 90 }}>{row.amount}</Text>
        </View>
      ))}
    </View>
  );
}
