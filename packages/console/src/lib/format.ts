/**
 * Display helpers. Money arrives as decimal strings ("3499.75") and is formatted from its digits, never
 * through a float; times are instants shown in a named IANA zone, with the zone written beside them.
 */

export type Currency = { symbol: string; locale: string };

/** "3499.75" → "₱3,499.75" in the locale's grouping; "-12.5" → "−₱12.50". */
export function formatMoney(amount: string | null | undefined, currency: Currency): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = new Intl.NumberFormat(currency.locale).format(BigInt(whole));
  const decimal = new Intl.NumberFormat(currency.locale).format(1.5).replace(/\d/g, '') || '.';
  const cents = fraction.padEnd(2, '0').slice(0, 2);
  return `${sign ? '−' : ''}${currency.symbol}${grouped}${decimal}${cents}`;
}

/** A count with the locale's grouping: 12345 → "12,345". */
export function formatCount(value: number | null | undefined, locale = 'en-PH'): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale).format(value);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withWeekday}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      ...(withWeekday ? { weekday: 'short' as const } : {}),
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** "Mon, 7 Dec 2026, 08:00 (Asia/Manila)": an instant in a zone, labelled with it. */
export function formatInstant(
  iso: string | null | undefined,
  timeZone: string,
  options: { weekday?: boolean; zone?: boolean } = {},
): string {
  if (!iso) return '—';
  const text = dateTimeFormat(timeZone, options.weekday ?? false).format(new Date(iso));
  return options.zone === false ? text : `${text} (${timeZone})`;
}

/** The browser's own zone, for times that belong to no schedule (audit entries). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "in 3 h 12 min", "5 min ago", "in 2 d 4 h" from `now`. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const minutes = Math.round((Date.parse(iso) - now) / 60_000);
  const size = Math.abs(minutes);
  let text: string;
  if (size < 1) return 'now';
  if (size < 60) text = `${size} min`;
  else if (size < 48 * 60) text = `${Math.floor(size / 60)} h ${size % 60} min`;
  else text = `${Math.floor(size / 1440)} d ${Math.floor((size % 1440) / 60)} h`;
  return minutes > 0 ? `in ${text}` : `${text} ago`;
}

/** The zone's offset from UTC at an instant: "UTC+08:00". */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((item) => item.type === 'timeZoneName')?.value;
  return !part || part === 'GMT' ? 'UTC+00:00' : part.replace('GMT', 'UTC');
}
