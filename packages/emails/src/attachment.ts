/** Default limit on the encoded attachment: most providers cap whole messages at 20–25 MB. */
export const DEFAULT_ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Bytes an attachment takes in the message: base64 (4 characters per 3 bytes) in 76-character lines,
 * each ending in CRLF. Limits apply to this size, a third above the file's own.
 */
export function encodedAttachmentSize(bytes: number): number {
  const base64 = 4 * Math.ceil(bytes / 3);
  return base64 + 2 * Math.ceil(base64 / 76);
}

/** `14.2 MB` or `9 KB` for notes. */
export function formatSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${megabytes.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The note an email carries when its workbook was left out for size. */
export function attachmentOmittedNote(input: { filename: string; encodedBytes: number; limitBytes: number }): string {
  return (
    `The workbook ${input.filename} (${formatSize(input.encodedBytes)} encoded) is larger than the ` +
    `${formatSize(input.limitBytes)} attachment limit, so it is not attached. It is stored with this ` +
    'delivery and can be downloaded from the reportmail admin API.'
  );
}

/** The note of an empty period under the `note` policy (the email goes without a workbook). */
export const EMPTY_PERIOD_NOTE = 'No payments were received in this period, so no workbook is attached.';

/** `Mar 3, 2026, 09:00` in the report's zone (the footer's "generated at"). */
export function formatGeneratedAt(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
