import { createLogger } from '@reportmail/logger';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import { createSmtpSink, createTestDatabase, pdfText, type SmtpSink, type TestDatabase } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSmtp, createGeneratedDelivery, createTempOutbox, type TempOutbox } from '../test-fixtures.js';
import { type SendEmailDeps, sendEmail } from './send-email.js';

const secrets = createSecretBox(generateKeyEntry('k1'));

describe('the PDF of the report', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let outbox: TempOutbox;
  let deps: SendEmailDeps;

  beforeAll(async () => {
    [database, sink, outbox] = await Promise.all([createTestDatabase(), createSmtpSink(), createTempOutbox()]);
    await configureSmtp(database, secrets, { port: sink.port });
    deps = { database, logger: createLogger({ service: 'test', level: 'silent' }), secrets, outboxDir: outbox.dir };
  });
  afterAll(async () => {
    await Promise.all([sink.close(), outbox.remove()]);
    await database.drop();
  });

  const send = async (options: Parameters<typeof createGeneratedDelivery>[1]) => {
    const id = await createGeneratedDelivery(database, options);
    const arriving = sink.waitForMessages(sink.received.length + 1);
    await sendEmail(deps, { deliveryId: id }, { number: 1, of: 1 });
    return (await arriving).at(-1);
  };

  it('goes beside the workbook when the schedule asks for it, saying what the email says', async () => {
    const mail = await send({ pdfPageSize: 'LETTER', senderName: 'Lucky Repairs' });
    const attachments = mail?.parsed.attachments ?? [];
    expect(attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      ['Sales_Report_2026_03_02.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Sales_Report_2026_03_02.pdf', 'application/pdf'],
    ]);
    const { pages, size } = await pdfText(attachments[1]?.content as Buffer);
    expect(size).toEqual([612, 792]);
    expect(pages[0]).toContain('LUCKY REPAIRS Daily Sales Report Mar 2, 2026 · times in Asia/Manila');
    expect(pages[0]).toContain('TOTAL REVENUE ₱3,715.00');
    expect(pages[0]).toContain('Page 1 of 1');
  });

  it('is not made when the schedule does not ask for it', async () => {
    const mail = await send({});
    expect(mail?.parsed.attachments.map((attachment) => attachment.filename)).toEqual(['Sales_Report_2026_03_02.xlsx']);
  });
});
