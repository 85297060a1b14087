import { reportSchedule } from '@reportmail/db';
import { EMPTY_PERIOD_NOTE } from '@reportmail/emails';
import { findDelivery } from '@reportmail/ledger';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import { createSmtpSink, createTestDatabase, type SmtpSink, type TestDatabase } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  captureLogs,
  configureSmtp,
  createGeneratedDelivery,
  createTempOutbox,
  type TempOutbox,
  WORKBOOK_BYTES,
} from '../test-fixtures.js';
import { type SendEmailDeps, sendEmail } from './send-email.js';

const CANARY = 'canary-Pa55word-7f3e9c';
const secrets = createSecretBox(generateKeyEntry('k1'));
const { logger, lines: logLines } = captureLogs();
const once = { number: 1, of: 1 };

describe('sendEmail', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let deps: SendEmailDeps;
  let outbox: TempOutbox;

  beforeAll(async () => {
    [database, sink, outbox] = await Promise.all([createTestDatabase(), createSmtpSink(), createTempOutbox()]);
    deps = {
      database,
      logger,
      secrets,
      smtpTimeouts: { connectionMs: 2_000, greetingMs: 2_000, socketMs: 500 },
      outboxDir: outbox.dir,
    };
  });
  beforeEach(() =>
    configureSmtp(database, secrets, { port: sink.port, password: CANARY, adminAddress: 'admin@shop.example' }),
  );
  afterAll(async () => {
    await Promise.all([sink.close(), outbox.remove()]);
    await database.drop();
  });

  const nextMail = async () => (await sink.waitForMessages(sink.received.length + 1)).at(-1);

  it('sends the rendered report with the stored workbook and records it as sent', async () => {
    const id = await createGeneratedDelivery(database, { senderName: 'Cruz Repairs' });
    const arriving = nextMail();
    expect(await sendEmail(deps, { deliveryId: id }, once)).toEqual({
      outcome: 'sent',
      deliveryId: id,
      status: 'sent',
    });
    const mail = await arriving;
    expect(mail?.parsed.subject).toBe('Daily Sales Report - Mar 2, 2026');
    expect(mail?.parsed.from?.value).toEqual([{ name: 'Cruz Repairs', address: 'reports@shop.example' }]);
    expect(mail?.envelope.to).toEqual(['owner@shop.example', 'books@shop.example', 'audit@shop.example']);
    expect(mail?.parsed.html).toContain('₱3,715.00');
    expect(mail?.parsed.text).toMatch(/Total revenue\s+₱3,715\.00/);
    expect(mail?.parsed.attachments.map((a) => [a.filename, a.content.equals(WORKBOOK_BYTES)])).toEqual([
      ['Sales_Report_2026_03_02.xlsx', true],
    ]);
    const row = await findDelivery(database.db, id);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      messageId: `<${id}@shop.example>`,
      acceptedRecipients: ['owner@shop.example', 'books@shop.example', 'audit@shop.example'],
      rejectedRecipients: [],
      transport: 'smtp',
      outboxPath: null,
      errorMessage: null,
    });
    expect(await outbox.list()).toEqual([]);
    expect(mail?.parsed.messageId).toBe(row?.messageId);
    const [schedule] = await database.db
      .select({ lastSentAt: reportSchedule.lastSentAt })
      .from(reportSchedule)
      .where(eq(reportSchedule.id, row?.scheduleId as string));
    expect(schedule?.lastSentAt).toEqual(row?.sentAt);
  });

  it('never sends a delivery that is already sent again', async () => {
    const id = await createGeneratedDelivery(database);
    await sendEmail(deps, { deliveryId: id }, once);
    const attempts = sink.attempts();
    expect(await sendEmail(deps, { deliveryId: id }, once)).toEqual({
      outcome: 'already-final',
      deliveryId: id,
      status: 'sent',
    });
    expect(sink.attempts()).toBe(attempts);
  });

  it('sends without the workbook when it was left out, with the note saying why', async () => {
    const id = await createGeneratedDelivery(database, { attachmentOmitted: true, notes: [EMPTY_PERIOD_NOTE] });
    const arriving = nextMail();
    await sendEmail(deps, { deliveryId: id }, once);
    const mail = await arriving;
    expect(mail?.parsed.attachments).toEqual([]);
    expect(mail?.parsed.text).toContain(EMPTY_PERIOD_NOTE);
  });

  it('fails at once on a permanent reply, stores the error and tells the admin', async () => {
    const id = await createGeneratedDelivery(database);
    sink.script([{ code: 550, message: 'Mailbox unavailable' }]);
    const notice = nextMail();
    await expect(sendEmail(deps, { deliveryId: id }, { number: 1, of: 8 })).rejects.toThrow('SMTP 550');
    expect(await findDelivery(database.db, id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      errorMessage: 'SMTP 550: 550 Mailbox unavailable',
    });
    const mail = await notice;
    expect(mail?.envelope.to).toEqual(['admin@shop.example']);
    expect(mail?.parsed.subject).toBe('[reportmail] Delivery failed: Daily Sales Report - Mar 2, 2026');
    expect(mail?.parsed.text).toContain(`Delivery id: ${id}`);
  });

  it('keeps a transient failure retryable until the last attempt, which ends failed', async () => {
    const id = await createGeneratedDelivery(database);
    sink.script([
      { code: 421, message: 'Busy' },
      { code: 421, message: 'Still busy' },
    ]);
    await expect(sendEmail(deps, { deliveryId: id }, { number: 1, of: 2 })).rejects.toThrow('SMTP 421');
    // The server answered the data with 421: nothing was delivered, so the mark that data began is cleared.
    expect(await findDelivery(database.db, id)).toMatchObject({
      status: 'sending',
      errorMessage: 'SMTP 421: 421 Busy',
      dataStartedAt: null,
    });
    await expect(sendEmail(deps, { deliveryId: id }, { number: 2, of: 2 })).rejects.toThrow('gave up after 2 attempts');
    expect(await findDelivery(database.db, id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      errorMessage: 'SMTP 421: 421 Still busy (gave up after 2 attempts)',
    });
  });

  it('records silence after the data as unknown and does not retry', async () => {
    const id = await createGeneratedDelivery(database);
    sink.script(['no-reply']);
    await expect(sendEmail(deps, { deliveryId: id }, { number: 1, of: 8 })).rejects.toThrow(/after the message data/);
    expect((await findDelivery(database.db, id))?.status).toBe('unknown');
    const attempts = sink.attempts();
    await sendEmail(deps, { deliveryId: id }, { number: 2, of: 8 });
    expect(sink.attempts()).toBe(attempts);
  });

  it('records when the message data began: after the server accepted DATA, before it accepted the message', async () => {
    const id = await createGeneratedDelivery(database);
    const before = new Date();
    await sendEmail(deps, { deliveryId: id }, once);
    const row = await findDelivery(database.db, id);
    expect(row?.status).toBe('sent');
    expect(row?.dataStartedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(row?.dataStartedAt?.getTime()).toBeLessThanOrEqual(row?.sentAt?.getTime() ?? 0);
  });

  it('never sends again a delivery whose message data began with no outcome (its worker died): unknown', async () => {
    const id = await createGeneratedDelivery(database);
    await database.sql`
      update reportmail.delivery set data_started_at = now() - interval '1 minute', attempts = 1 where id = ${id}`;
    const attempts = sink.attempts();
    const notice = nextMail();
    await expect(sendEmail(deps, { deliveryId: id }, { number: 2, of: 8 })).rejects.toThrow(
      'it may have been delivered, so it is not sent again by itself',
    );
    expect(await findDelivery(database.db, id)).toMatchObject({ status: 'unknown', attempts: 1 });
    const mail = await notice;
    expect(mail?.envelope.to).toEqual(['admin@shop.example']);
    expect(sink.attempts()).toBe(attempts + 1);
  });

  it('ends a delivery without any "to" recipient as failed, naming why', async () => {
    const id = await createGeneratedDelivery(database);
    await database.sql`update reportmail.delivery set recipients = '{"to":[],"cc":[],"bcc":[]}' where id = ${id}`;
    await expect(sendEmail(deps, { deliveryId: id }, once)).rejects.toThrow('has no "to" recipient');
    expect(await findDelivery(database.db, id)).toMatchObject({
      status: 'failed',
      errorMessage: `Delivery ${id} has no "to" recipient`,
    });
  });

  it('never writes the SMTP password to a log line', () => {
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.filter((line) => line.includes(CANARY))).toEqual([]);
  });
});
