import { AppError } from '@reportmail/errors';

/** Money is integer centavos in a bigint from the database to the page: never a JS float. */
export type Cents = bigint;

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses a SQL numeric rendered as text (`1234.5`, `-0.07`, `12`) into centavos. */
export function parseCents(text: string): Cents {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new AppError('INTERNAL', `Not a money amount with at most two decimals: "${text}"`);
  const [, minus, whole = '0', fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return minus ? -cents : cents;
}

/** Centavos as a plain decimal string with two places: `123450n` → `"1234.50"`. */
export function formatDecimal(cents: Cents): string {
  const sign = cents < 0n ? '-' : '';
  const magnitude = cents < 0n ? -cents : cents;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

export type CurrencyOptions = { symbol: string; locale: string };

export const DEFAULT_CURRENCY: CurrencyOptions = {
  symbol: '₱',
  locale: 'en-PH',
};

/** A display formatter (`₱1,234.50`) whose grouping and decimal mark follow the locale. */
export function createMoneyFormatter({ symbol, locale }: CurrencyOptions): (cents: Cents) => string {
  const grouping = new Intl.NumberFormat(locale, {
    useGrouping: true,
    maximumFractionDigits: 0,
  });
  const decimalMark =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return (cents) => {
    const sign = cents < 0n ? '-' : '';
    const magnitude = cents < 0n ? -cents : cents;
    const fraction = String(magnitude % 100n).padStart(2, '0');
    return `${sign}${symbol}${grouping.format(magnitude / 100n)}${decimalMark}${fraction}`;
  };
}

/** The spreadsheet number format for amounts; symbols with letters or quotes are quoted. */
export function currencyNumberFormat(symbol: string): string {
  const literal = /^[^\p{L}\p{N}"\\]*$/u.test(symbol) ? symbol : `"${symbol.replaceAll('"', '')}"`;
  return `${literal}#,##0.00`;
}

/** Change in percent with two decimals, rounded half away from zero; null when there is no base. */
export function percentChange(current: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  const delta = (current - previous) * 10_000n;
  const base = previous < 0n ? -previous : previous;
  const half = base / 2n;
  const basisPoints = delta >= 0n ? (delta + half) / base : (delta - half) / base;
  return Number(basisPoints) / 100;
}
