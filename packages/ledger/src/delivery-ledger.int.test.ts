import { reportSchedule } from '@reportmail/db';
import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimInput, claimScheduledDelivery, findDelivery, transitionDelivery } from './delivery-ledger.js';

describe('the delivery ledger', () => {
  let database: TestDatabase;
  let scheduleId: string;
  let day = 0;
  /** A claim for a fresh period (one day later each call unless reused). */
  const claimFor = (jobKey: string, period?: { periodStart: Date; periodEnd: Date }): ClaimInput => {
    day += 1;
    return {
      scheduleId,
      trigger: 'scheduled',
      jobKey,
      reportType: 'daily_sales',
      timezone: 'Asia/Manila',
      recipients: { to: ['owner@shop.example'], cc: [], bcc: [] },
      periodStart: period?.periodStart ?? new Date(Date.UTC(2026, 2, day, 16)),
      periodEnd: period?.periodEnd ?? new Date(Date.UTC(2026, 2, day + 1, 16)),
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const [schedule] = await database.db
      .insert(reportSchedule)
      .values({ name: 'Daily', frequency: 'daily' })
      .returning({ id: reportSchedule.id });
    scheduleId = schedule?.id ?? '';
  });
  afterAll(() => database.drop());

  it('lets one of several concurrent triggers claim a period; the others are no-ops', async () => {
    const first = claimFor('job-a');
    const claims = await Promise.all(
      ['job-a', 'job-b', 'job-c', 'catch-up'].map((jobKey) =>
        claimScheduledDelivery(database.db, { ...first, jobKey }),
      ),
    );
    expect(claims.map((claim) => claim.outcome).sort()).toEqual(['claimed', 'duplicate', 'duplicate', 'duplicate']);
    expect(new Set(claims.map((claim) => claim.delivery.id)).size).toBe(1);
  });

  it('lets the claiming job resume its row after a crash, until the row is sent', async () => {
    const input = claimFor('job-x');
    const claimed = await claimScheduledDelivery(database.db, input);
    await transitionDelivery(database.db, claimed.delivery.id, ['pending'], 'generating');
    const retried = await claimScheduledDelivery(database.db, input);
    expect([retried.outcome, retried.delivery.id]).toEqual(['resumed', claimed.delivery.id]);
    await transitionDelivery(database.db, claimed.delivery.id, ['generating'], 'sending');
    expect((await claimScheduledDelivery(database.db, input)).outcome).toBe('resumed');
    expect((await claimScheduledDelivery(database.db, { ...input, jobKey: 'other-job' })).outcome).toBe('duplicate');
    await transitionDelivery(database.db, claimed.delivery.id, ['sending'], 'sent', { sentAt: new Date() });
    expect((await claimScheduledDelivery(database.db, input)).outcome).toBe('duplicate');
  });

  it('moves a row only from the expected states, so no step runs twice', async () => {
    const { delivery } = await claimScheduledDelivery(database.db, claimFor('job-y'));
    await transitionDelivery(database.db, delivery.id, ['pending'], 'sending');
    const sent = await transitionDelivery(database.db, delivery.id, ['sending'], 'sent', {
      messageId: '<m@reportmail>',
      acceptedRecipients: ['owner@shop.example'],
    });
    expect(sent?.status).toBe('sent');
    expect(await transitionDelivery(database.db, delivery.id, ['sending'], 'sent')).toBeNull();
    const stored = await findDelivery(database.db, delivery.id);
    expect([stored?.status, stored?.messageId, stored?.acceptedRecipients]).toEqual([
      'sent',
      '<m@reportmail>',
      ['owner@shop.example'],
    ]);
  });

  it('keeps distinct periods apart', async () => {
    const outcomes = await Promise.all(
      [claimFor('job-1'), claimFor('job-2')].map((input) => claimScheduledDelivery(database.db, input)),
    );
    expect(outcomes.map((claim) => claim.outcome)).toEqual(['claimed', 'claimed']);
  });

  it("keeps the schedule's name on the row, also once the schedule is deleted", async () => {
    const [doomed] = await database.db
      .insert(reportSchedule)
      .values({ name: 'Soon gone', frequency: 'daily' })
      .returning({ id: reportSchedule.id });
    const { delivery } = await claimScheduledDelivery(database.db, {
      ...claimFor('job-n'),
      scheduleId: doomed?.id ?? '',
    });
    await database.db.delete(reportSchedule).where(eq(reportSchedule.id, doomed?.id ?? ''));
    const stored = await findDelivery(database.db, delivery.id);
    expect([stored?.scheduleId, stored?.scheduleName]).toEqual([null, 'Soon gone']);
  });
});
