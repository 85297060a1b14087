import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { deliveryArtifact } from '@reportmail/db';
import { findDelivery } from '@reportmail/ledger';
import { createLogger } from '@reportmail/logger';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import { createSmtpSink, createTestDatabase, type SmtpSink, type TestDatabase } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configureSmtp, createGeneratedDelivery, createTempOutbox, type TempOutbox } from '../test-fixtures.js';
import { type SendEmailDeps, sendEmail } from './send-email.js';

const secrets = createSecretBox(generateKeyEntry('k1'));
const logLines: Record<string, unknown>[] = [];
const logger = createLogger({
  service: 'test',
  level: 'debug',
  destination: new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
});
const once = { number: 1, of: 1 };
const EVERY_RECIPIENT = ['owner@shop.example', 'books@shop.example', 'audit@shop.example'];
/** The outbox's file-name time: UTC to the second, colons replaced (`2026-12-01T22-52-34Z`). */
const stampOf = (instant: Date) => `${instant.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
const STEM = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)_(.+)\.eml$/;

describe('sendEmail while SMTP is not configured: the local outbox', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let outbox: TempOutbox;
  let deps: SendEmailDeps;

  beforeAll(async () => {
    [database, sink, outbox] = await Promise.all([createTestDatabase(), createSmtpSink(), createTempOutbox()]);
    deps = { database, logger, secrets, outboxDir: outbox.dir };
  });
  beforeEach(async () => {
    await database.sql`delete from reportmail.smtp_settings`;
  });
  afterAll(async () => {
    await Promise.all([sink.close(), outbox.remove()]);
    await database.drop();
  });

  const storedWorkbook = async (id: string) => {
    const [row] = await database.db.select().from(deliveryArtifact).where(eq(deliveryArtifact.deliveryId, id));
    return row?.content as Buffer;
  };

  it('saves the report as .eml with its .html and .xlsx beside it, and records it as sent to the outbox', async () => {
    const id = await createGeneratedDelivery(database, { senderName: 'Cruz Repairs' });
    const before = await outbox.list();
    const started = stampOf(new Date());
    expect(await sendEmail(deps, { deliveryId: id }, once)).toEqual({
      outcome: 'sent',
      deliveryId: id,
      status: 'sent',
    });
    const finished = stampOf(new Date());
    const row = await findDelivery(database.db, id);
    const path = row?.outboxPath as string;
    const [, stamp = '', stemId] = basename(path).match(STEM) ?? [];
    expect([path.startsWith(`${outbox.dir}/`), stemId]).toEqual([true, id]);
    // The stamps sort as text: the file's is the second it was saved in.
    expect(stamp >= started && stamp <= finished).toBe(true);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      transport: 'outbox',
      messageId: `<${id}@reportmail.localhost>`,
      acceptedRecipients: EVERY_RECIPIENT,
      rejectedRecipients: [],
      errorMessage: null,
    });
    // Exactly the three files: nothing half-written or temporary is left beside them.
    const stem = `${stamp}_${id}`;
    expect(await outbox.list()).toEqual([...before, `${stem}.eml`, `${stem}.html`, `${stem}.xlsx`].sort());

    const mail = await simpleParser(await readFile(path));
    expect(mail.subject).toBe('Daily Sales Report - Mar 2, 2026');
    expect(mail.from?.value).toEqual([{ name: 'Cruz Repairs', address: 'reports@reportmail.localhost' }]);
    expect([mail.to, mail.cc]).toMatchObject([
      { value: [{ address: 'owner@shop.example' }] },
      { value: [{ address: 'books@shop.example' }] },
    ]);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.messageId).toBe(row?.messageId);
    expect(mail.headers.get('x-reportmail-delivery-id')).toBe(id);
    expect(mail.html).toContain('₱3,715.00');
    expect(mail.text).toMatch(/Total revenue\s+₱3,715\.00/);
    expect(await readFile(join(outbox.dir, `${stem}.html`), 'utf8')).toBe(mail.html);
    const workbook = await storedWorkbook(id);
    expect(mail.attachments.map((a) => [a.filename, a.content.equals(workbook)])).toEqual([
      ['Sales_Report_2026_03_02.xlsx', true],
    ]);
    expect((await readFile(join(outbox.dir, `${stem}.xlsx`))).equals(workbook)).toBe(true);

    expect(logLines.filter((line) => line.msg === 'report email saved to the outbox')).toMatchObject([
      { deliveryId: id, path, accepted: 3, rejected: 0 },
    ]);
    expect(sink.attempts()).toBe(0);
  });

  it('saves no .xlsx when the workbook was left out of the email', async () => {
    const id = await createGeneratedDelivery(database, { attachmentOmitted: true });
    await sendEmail(deps, { deliveryId: id }, once);
    const path = (await findDelivery(database.db, id))?.outboxPath as string;
    const stem = basename(path, '.eml');
    expect((await outbox.list()).filter((name) => name.startsWith(stem))).toEqual([`${stem}.eml`, `${stem}.html`]);
    expect((await simpleParser(await readFile(path))).attachments).toEqual([]);
  });

  it('sends the next delivery over SMTP once settings are saved, and none to the outbox', async () => {
    await sendEmail(deps, { deliveryId: await createGeneratedDelivery(database) }, once);
    const saved = await outbox.list();
    await configureSmtp(database, secrets, { port: sink.port });
    const id = await createGeneratedDelivery(database);
    const arriving = sink.waitForMessages(sink.received.length + 1);
    await sendEmail(deps, { deliveryId: id }, once);
    const mail = (await arriving).at(-1);
    expect([mail?.parsed.headers.get('x-reportmail-delivery-id'), mail?.envelope.to]).toEqual([id, EVERY_RECIPIENT]);
    expect(mail?.parsed.from?.value).toEqual([{ name: 'Shop Reports', address: 'reports@shop.example' }]);
    expect(await findDelivery(database.db, id)).toMatchObject({
      status: 'sent',
      transport: 'smtp',
      outboxPath: null,
      messageId: `<${id}@shop.example>`,
    });
    expect(await outbox.list()).toEqual(saved);
  });

  it('fails at once when the outbox folder cannot exist (a file in its way), writing nothing', async () => {
    const blocker = join(outbox.dir, 'not-a-folder');
    await writeFile(blocker, '');
    const id = await createGeneratedDelivery(database);
    const failing = { ...deps, outboxDir: join(blocker, 'outbox') };
    const error = `Outbox: ENOTDIR: not a directory, mkdir '${join(blocker, 'outbox')}'`;
    await expect(sendEmail(failing, { deliveryId: id }, { number: 1, of: 8 })).rejects.toThrow(error);
    expect(await findDelivery(database.db, id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      errorMessage: error,
      transport: null,
      outboxPath: null,
    });
    // The notice goes to the same (broken) outbox: logged, never retried.
    expect(logLines.filter((line) => line.deliveryId === id).map((line) => line.msg)).toEqual([
      'report email not delivered',
      'failure notice to the admin address could not be sent',
    ]);
  });

  it('removes what it wrote when one file cannot be placed, and saves the notice to the admin there', async () => {
    const id = await createGeneratedDelivery(database);
    const before = await outbox.list();
    // A folder where the workbook would go, for this second and the next few: its rename fails (EISDIR).
    const now = Date.now();
    const blockers = [0, 1, 2, 3, 4, 5].map((s) => `${stampOf(new Date(now + s * 1000))}_${id}.xlsx`);
    await Promise.all(blockers.map((name) => mkdir(join(outbox.dir, name))));
    await expect(sendEmail(deps, { deliveryId: id }, { number: 1, of: 8 })).rejects.toThrow(/^Outbox: EISDIR/);
    const row = await findDelivery(database.db, id);
    expect([row?.status, row?.attempts, row?.transport]).toEqual(['failed', 1, null]);
    const added = (await outbox.list()).filter((name) => !before.includes(name) && !blockers.includes(name));
    expect(added).toEqual([expect.stringMatching(new RegExp(`^[0-9T-]+Z_notice-${id}\\.eml$`))]);
    const notice = await simpleParser(await readFile(join(outbox.dir, added[0] as string)));
    expect(notice.subject).toBe('[reportmail] Delivery failed: Daily Sales Report - Mar 2, 2026');
    expect([notice.from?.value, notice.to]).toMatchObject([
      [{ name: 'Reports', address: 'reports@reportmail.localhost' }],
      { value: [{ address: 'admin@reportmail.localhost' }] },
    ]);
    expect(notice.text).toContain(`Delivery id: ${id}`);
    expect(notice.text).toContain(`Error: ${row?.errorMessage}`);
    expect(logLines.filter((line) => line.msg === 'failure notice saved to the outbox')).toMatchObject([
      { deliveryId: id, path: join(outbox.dir, added[0] as string) },
    ]);
  });
});
