import { describe, expect, it } from 'vitest';
import { anchorDateOf } from './schedule-rows.js';

describe('anchorDateOf', () => {
  it.each<
    [
      string,
      { frequency: 'daily' | 'every_3_days' | 'weekly'; anchorDate: string | null },
      string,
      string,
      string | null,
    ]
  >([
    [
      'every_3_days left out: today in the zone',
      { frequency: 'every_3_days', anchorDate: null },
      'Asia/Manila',
      '2026-03-01T15:59:00Z',
      '2026-03-01',
    ],
    [
      'every_3_days left out: past local midnight',
      { frequency: 'every_3_days', anchorDate: null },
      'Asia/Manila',
      '2026-03-01T16:00:00Z',
      '2026-03-02',
    ],
    [
      'every_3_days left out: behind UTC',
      { frequency: 'every_3_days', anchorDate: null },
      'America/New_York',
      '2026-03-02T04:59:00Z',
      '2026-03-01',
    ],
    [
      'every_3_days given',
      { frequency: 'every_3_days', anchorDate: '2026-02-24' },
      'Asia/Manila',
      '2026-03-01T16:00:00Z',
      '2026-02-24',
    ],
    ['weekly keeps none', { frequency: 'weekly', anchorDate: null }, 'Asia/Manila', '2026-03-01T16:00:00Z', null],
    ['daily keeps none', { frequency: 'daily', anchorDate: null }, 'Asia/Manila', '2026-03-01T16:00:00Z', null],
  ])('%s', (_name, body, timezone, now, expected) => {
    expect(anchorDateOf({ ...body, timezone }, new Date(now))).toBe(expected);
  });
});
