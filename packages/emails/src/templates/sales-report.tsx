// One package per component: @react-email/components would also load its code block (Prism), Tailwind
// and Markdown support, none of which this email uses (~25 MB and ~40 ms of start-up per process).
import { Body } from '@react-email/body';
import { Column } from '@react-email/column';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Preview } from '@react-email/preview';
import { Row } from '@react-email/row';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import type { CSSProperties } from 'react';
import type { ReportEmailData } from '../report-email-data.js';
import {
  CHANGES_HEADING,
  changeTitle,
  NO_LARGEST,
  NO_PAYMENTS,
  paymentContext,
  reportFooter,
} from '../report-email-text.js';

const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const styles = {
  body: { backgroundColor: '#f3f5f9', fontFamily: font, margin: 0, padding: '16px 0' },
  container: {
    backgroundColor: '#ffffff',
    maxWidth: '640px',
    width: '100%',
    padding: '24px 16px',
    borderRadius: '8px',
  },
  heading: { color: '#203864', fontSize: '22px', margin: '0 0 4px' },
  muted: { color: '#5b6472', fontSize: '13px', margin: '0 0 16px' },
  card: { backgroundColor: '#d9e8f5', borderRadius: '6px', padding: '12px', margin: '0 0 8px' },
  cardLabel: { color: '#203864', fontSize: '12px', margin: 0, textTransform: 'uppercase' as const },
  cardValue: { color: '#111827', fontSize: '22px', fontWeight: 700, margin: '4px 0 0' },
  cardDetail: { color: '#5b6472', fontSize: '12px', margin: '2px 0 0' },
  section: { fontSize: '16px', color: '#203864', margin: '20px 0 8px' },
  // Amounts never wrap, so the five-column methods table (method, count, total, sales, repairs) took 384px
  // with seven-digit totals and the email scrolled sideways on a 320px phone: it has three columns now and
  // shows each method's sales and repairs on a second line, which may break between the two.
  table: { width: '100%', borderCollapse: 'collapse' as const, fontSize: '12px' },
  th: { backgroundColor: '#4472c4', color: '#ffffff', padding: '6px 4px', textAlign: 'left' as const },
  td: { borderBottom: '1px solid #e5e7eb', padding: '6px 4px', verticalAlign: 'top' as const },
  num: { textAlign: 'right' as const, whiteSpace: 'nowrap' as const },
  nowrap: { whiteSpace: 'nowrap' as const },
  split: { color: '#5b6472', fontSize: '11px' },
  totalSplit: { fontSize: '11px', fontWeight: 400 },
  total: { fontWeight: 700, backgroundColor: '#d9e8f5', padding: '6px 4px', verticalAlign: 'top' as const },
  note: {
    backgroundColor: '#fff7e6',
    border: '1px solid #f5c26b',
    padding: '8px 12px',
    fontSize: '13px',
    margin: '0 0 12px',
  },
  footer: { color: '#6b7280', fontSize: '12px', lineHeight: '18px' },
  changeTitle: { fontSize: '13px', fontWeight: 700, margin: '12px 0 4px' },
  barRow: { padding: '3px 4px', verticalAlign: 'middle' as const, fontSize: '12px' },
  bar: { height: '12px', fontSize: '1px', lineHeight: '1px' },
  legendSwatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px' },
};

/** Mid-tone bar colours: they read on white and on the dark backgrounds clients switch to in dark mode. */
const SALES_BAR = '#4472c4';
const REPAIRS_BAR = '#e08a1e';

/** The report email: period, KPI cards, payment methods, largest payments, footer. Inline styles only. */
export function SalesReportEmail({ data }: { data: ReportEmailData }) {
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{`${data.title}: ${data.kpis[0]?.value ?? ''} received, ${data.periodLabel}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {data.title}
          </Heading>
          <Text style={styles.muted}>{`${data.periodLabel} · times in ${data.timezone}`}</Text>
          {data.notes.map((note) => (
            <Text key={note} style={styles.note}>
              {note}
            </Text>
          ))}
          <KpiCards kpis={data.kpis} />
          <TrendChart trend={data.trend} />
          <Heading as="h2" style={styles.section}>
            Payment methods
          </Heading>
          <BreakdownTable data={data} />
          <Heading as="h2" style={styles.section}>
            Largest payments
          </Heading>
          <LargestTable rows={data.largest} />
          <ChangesSection changes={data.changes} />
          <Hr />
          <Text style={styles.footer}>{reportFooter(data)}</Text>
        </Container>
      </Body>
    </Html>
  );
}

function KpiCards({ kpis }: { kpis: ReportEmailData['kpis'] }) {
  return (
    <Section>
      {kpis.map((kpi) => (
        <Section key={kpi.label} style={styles.card}>
          <Text style={styles.cardLabel}>{kpi.label}</Text>
          <Text style={styles.cardValue}>{kpi.value}</Text>
          <Text style={styles.cardDetail}>{kpi.detail}</Text>
        </Section>
      ))}
    </Section>
  );
}

type Split = { sales: string; repairs: string };

/** The sales/repairs split under a method: each label stays with its amount, the line may break between. */
function SplitLine({ split, style }: { split: Split; style: CSSProperties }) {
  return (
    <span style={style}>
      <span style={styles.nowrap}>{`Sales ${split.sales}`}</span> ·{' '}
      <span style={styles.nowrap}>{`Repairs ${split.repairs}`}</span>
    </span>
  );
}

function BreakdownTable({ data }: { data: ReportEmailData }) {
  if (data.breakdown.length === 0) return <Text style={styles.muted}>{NO_PAYMENTS}</Text>;
  const total = data.breakdownTotal;
  return (
    <table style={styles.table} role="presentation">
      <thead>
        <tr>
          <th style={styles.th}>Method</th>
          <th style={{ ...styles.th, ...styles.num }}>Count</th>
          <th style={{ ...styles.th, ...styles.num }}>Total</th>
        </tr>
      </thead>
      <tbody>
        {data.breakdown.map((row) => (
          <tr key={row.method}>
            <td style={styles.td}>
              {row.method}
              <br />
              <SplitLine split={row} style={styles.split} />
            </td>
            <td style={{ ...styles.td, ...styles.num }}>{row.count}</td>
            <td style={{ ...styles.td, ...styles.num }}>{row.total}</td>
          </tr>
        ))}
        <tr>
          <td style={styles.total}>
            TOTAL
            <br />
            <SplitLine split={total} style={styles.totalSplit} />
          </td>
          <td style={{ ...styles.total, ...styles.num }}>{total.count}</td>
          <td style={{ ...styles.total, ...styles.num }}>{total.total}</td>
        </tr>
      </tbody>
    </table>
  );
}

function LargestTable({ rows }: { rows: ReportEmailData['largest'] }) {
  if (rows.length === 0) return <Text style={styles.muted}>{NO_LARGEST}</Text>;
  return (
    <Row>
      <Column>
        <table style={styles.table} role="presentation">
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td style={styles.td}>
                  {`${row.kind} ${row.reference}`}
                  <br />
                  <span style={{ color: '#5b6472' }}>
                    {`${row.customer} · ${row.method} · `}
                    <span style={styles.nowrap}>{row.when}</span>
                  </span>
                </td>
                <td style={{ ...styles.td, ...styles.num }}>{row.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Column>
    </Row>
  );
}

/** Earlier reports whose figures changed since they were sent: nothing at all when none did. */
function ChangesSection({ changes }: { changes: ReportEmailData['changes'] }) {
  if (changes.length === 0) return null;
  return (
    <>
      <Heading as="h2" style={styles.section}>
        {CHANGES_HEADING}
      </Heading>
      {changes.map((change) => (
        <Section key={change.key}>
          <Text style={styles.changeTitle}>{changeTitle(change)}</Text>
          <table style={styles.table} role="presentation">
            <tbody>
              {change.payments.map((payment) => (
                <tr key={payment.key}>
                  <td style={styles.td}>
                    {`${payment.payment}: ${payment.reason}`}
                    <br />
                    <span style={{ color: '#5b6472' }}>{paymentContext(payment)}</span>
                  </td>
                  <td style={{ ...styles.td, ...styles.num }}>{payment.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ))}
    </>
  );
}

type Trend = NonNullable<ReportEmailData['trend']>;

/**
 * Revenue per day as horizontal bars made of table cells (no images, nothing remote), sales then repairs
 * stacked, each day's total written beside its bar so the figure reads without the chart.
 */
function TrendChart({ trend }: { trend: ReportEmailData['trend'] }) {
  if (!trend || trend.days.length === 0) return null;
  return (
    <>
      <Heading as="h2" style={styles.section}>
        {trend.title}
      </Heading>
      <table style={styles.table} role="presentation">
        <tbody>
          {trend.days.map((day) => (
            <tr key={day.key} style={day.current ? { fontWeight: 700 } : undefined}>
              <td style={{ ...styles.barRow, ...styles.nowrap, width: '84px' }}>{day.label}</td>
              <td style={styles.barRow}>
                <DayBar day={day} />
              </td>
              <td style={{ ...styles.barRow, ...styles.num, width: '96px' }}>{day.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Text style={styles.split}>
        <span style={{ ...styles.legendSwatch, backgroundColor: SALES_BAR }} />
        Sales <span style={{ ...styles.legendSwatch, backgroundColor: REPAIRS_BAR, marginLeft: '12px' }} />
        Repairs
      </Text>
    </>
  );
}

function DayBar({ day }: { day: Trend['days'][number] }) {
  const rest = 100 - day.salesWidth - day.repairsWidth;
  const cell = (width: number, color?: string) =>
    width > 0 ? (
      <td style={{ ...styles.bar, width: `${width}%`, ...(color ? { backgroundColor: color } : {}) }}>&nbsp;</td>
    ) : null;
  return (
    <table role="presentation" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <tbody>
        <tr>
          {cell(day.salesWidth, SALES_BAR)}
          {cell(day.repairsWidth, REPAIRS_BAR)}
          {cell(rest)}
        </tr>
      </tbody>
    </table>
  );
}
