import { describe, expect, it } from 'vitest';
import type { OldSmtpSettings } from './old-settings.js';
import { planSettings } from './settings-plan.js';

const old: OldSmtpSettings = {
  id: 1,
  server: 'smtp.example.com',
  port: 465,
  emailAddress: 'owner@shop.example',
  // The old system stored these as plaintext bytes when it could not build a cipher.
  passwordStored: Buffer.from('plain app password'),
  recipientsStored: Buffer.from('a@shop.example'),
  useTls: true,
  enabled: true,
  sendTime: '07:30',
  frequency: 'Monthly',
  lastSentAt: null,
};
const options = {
  key: undefined,
  timezone: 'Asia/Manila',
  periodMode: 'to_date',
  importedAt: '2026-03-09T02:00:00.000Z',
} as const;

describe('planSettings', () => {
  it('reads plaintext the old system stored, maps 465 to tls and an unknown frequency to daily', () => {
    const plan = planSettings(old, options);
    expect(plan.password).toBe('plain app password');
    expect(plan.smtp).toEqual({
      host: 'smtp.example.com',
      port: 465,
      security: 'tls',
      username: 'owner@shop.example',
      fromAddress: 'owner@shop.example',
    });
    expect(plan.schedule).toMatchObject({
      frequency: 'daily',
      sendTime: '07:30',
      anchorDate: null,
      weekday: null,
      enabled: true,
    });
    expect(plan.schedule.recipientsTo).toEqual(['a@shop.example']);
    expect(plan.notices).toEqual([
      'The old password was stored unencrypted (the old system had no usable key); it is now encrypted.',
      'The old recipient list was stored unencrypted (the old system had no usable key); it is now encrypted.',
      'The old frequency "Monthly" was not one it knew, so it ran daily: imported as daily.',
      'Port 465 speaks implicit TLS: imported with security "tls" (the old system could only STARTTLS).',
    ]);
  });

  it('runs a weekly schedule that never sent on the weekday of the import day in the zone', () => {
    // 17:00 UTC on Sunday Mar 8 is 01:00 on Monday Mar 9 in Manila.
    const plan = planSettings(
      { ...old, frequency: 'weekly', port: 587 },
      { ...options, importedAt: '2026-03-08T17:00:00.000Z' },
    );
    expect(plan.schedule).toMatchObject({ frequency: 'weekly', weekday: 'monday', anchorDate: null });
    expect(plan.smtp.security).toBe('starttls');
  });

  it.each([
    ['weekly', '2026-03-01T01:00:00.000Z', { weekday: 'sunday', anchorDate: null }],
    ['weekly', '2026-03-06T16:30:00.000Z', { weekday: 'saturday', anchorDate: null }],
    ['every_3_days', '2026-03-06T16:30:00.000Z', { weekday: null, anchorDate: '2026-03-07' }],
  ])('keeps the rhythm of a %s schedule last sent at %s', (frequency, lastSentAt, expected) => {
    const plan = planSettings({ ...old, frequency, lastSentAt }, options);
    expect({ weekday: plan.schedule.weekday, anchorDate: plan.schedule.anchorDate }).toEqual(expected);
  });
});
