import { describe, expect, it } from 'vitest';
import { attachmentOmittedNote, encodedAttachmentSize, formatGeneratedAt } from './attachment.js';

describe('encodedAttachmentSize', () => {
  it.each([
    [0, 0],
    [1, 6],
    [3, 6],
    [57, 78],
    [58, 84],
    [7_864_320, 10_761_702],
  ])('%i bytes take %i in the message', (bytes, encoded) => {
    expect(encodedAttachmentSize(bytes)).toBe(encoded);
  });

  it('puts a file of about 7.3 MB at the 10 MB limit once encoded', () => {
    expect(encodedAttachmentSize(7_662_000)).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(encodedAttachmentSize(7_663_000)).toBeGreaterThan(10 * 1024 * 1024);
  });
});

describe('notes and times', () => {
  it('says why the workbook is missing', () => {
    expect(
      attachmentOmittedNote({ filename: 'Sales-2026-03-02.xlsx', encodedBytes: 14_890_000, limitBytes: 10_485_760 }),
    ).toBe(
      'The workbook Sales-2026-03-02.xlsx (14.2 MB encoded) is larger than the 10.0 MB attachment limit, so it ' +
        'is not attached. It is stored with this delivery and can be downloaded from the reportmail admin API.',
    );
  });

  it('states small sizes in KB', () => {
    expect(attachmentOmittedNote({ filename: 'a.xlsx', encodedBytes: 9_000, limitBytes: 4_096 })).toMatch(
      /^The workbook a\.xlsx \(9 KB encoded\) is larger than the 4 KB attachment limit/,
    );
  });

  it('formats the generation time in the report zone, 24-hour', () => {
    expect(formatGeneratedAt(new Date('2026-03-03T01:00:00Z'), 'Asia/Manila')).toBe('Mar 3, 2026, 09:00');
    expect(formatGeneratedAt(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('Mar 8, 2026, 03:30');
  });
});
