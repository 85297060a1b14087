/** One value in PostgreSQL COPY text format. */
export function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(
    /[\\\t\n\r]/g,
    (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char] ?? char,
  );
}

export function copyLine(values: (string | number | boolean | null)[]): string {
  return `${values.map(copyValue).join('\t')}\n`;
}

/** Centavos as a numeric literal: 123450 → "1234.50". Integers only, so no float rounding. */
export function centsText(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
