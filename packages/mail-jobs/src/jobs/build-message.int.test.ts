import { attachmentOmittedNote, EMPTY_PERIOD_NOTE } from '@reportmail/emails';
import { createLogger } from '@reportmail/logger';
import { createLinkSigner, createSecretBox, deliveryAttachmentResource, generateKeyEntry } from '@reportmail/secrets';
import { createSmtpSink, createTestDatabase, pdfText, type SmtpSink, type TestDatabase } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSmtp, createGeneratedDelivery, createTempOutbox, type TempOutbox } from '../test-fixtures.js';
import { type SendEmailDeps, sendEmail } from './send-email.js';

const secretsKey = generateKeyEntry('k1');
const secrets = createSecretBox(secretsKey);
const signer = createLinkSigner(secretsKey);
const TOO_LARGE = attachmentOmittedNote({
  filename: 'Sales_Report_2026_03_02.xlsx',
  encodedBytes: 14_890_000,
  limitBytes: 10 * 1024 * 1024,
});
const LINK = /https:\/\/reports\.shop\.example\/api\/v1\/deliveries\/\S+/g;
const once = { number: 1, of: 1 };
const WEEK_S = 7 * 24 * 3600;

let database: TestDatabase;
let sink: SmtpSink;
let deps: SendEmailDeps;
let outbox: TempOutbox;
const links = { publicUrl: 'https://reports.shop.example/api/', ttlHours: 168, signer };

beforeAll(async () => {
  [database, sink, outbox] = await Promise.all([createTestDatabase(), createSmtpSink(), createTempOutbox()]);
  await configureSmtp(database, secrets, { port: sink.port });
  deps = { database, logger: createLogger({ service: 'test', level: 'silent' }), secrets, outboxDir: outbox.dir };
});
afterAll(async () => {
  await Promise.all([sink.close(), outbox.remove()]);
  await database.drop();
});

/** Sends a generated delivery over SMTP (with PUBLIC_URL's download links unless `withLinks` is false). */
const send = async (options: Parameters<typeof createGeneratedDelivery>[1], withLinks = true) => {
  const id = await createGeneratedDelivery(database, options);
  const arriving = sink.waitForMessages(sink.received.length + 1);
  await sendEmail(withLinks ? { ...deps, attachmentLinks: links } : deps, { deliveryId: id }, once);
  const mail = (await arriving).at(-1);
  return {
    id,
    text: mail?.parsed.text ?? '',
    html: String(mail?.parsed.html),
    attachments: mail?.parsed.attachments ?? [],
  };
};

describe('the download link of a workbook too large to attach', () => {
  it('puts a signed link to this delivery, valid for 7 days, in the note of the HTML and text parts', async () => {
    const sentAfter = Math.floor(Date.now() / 1000);
    const { id, text, html } = await send({ attachmentOmitted: true, notes: [TOO_LARGE] });
    const sentBefore = Math.ceil(Date.now() / 1000);
    const [link, ...others] = text.match(LINK) ?? [];
    expect(others).toEqual([]);
    const url = new URL(link as string);
    expect(url.pathname).toBe(`/api/v1/deliveries/${id}/attachment`);
    expect([...url.searchParams.keys()]).toEqual(['expires', 'signature']);
    const expires = Number(url.searchParams.get('expires'));
    expect(expires).toBeGreaterThanOrEqual(sentAfter + WEEK_S - 1);
    expect(expires).toBeLessThanOrEqual(sentBefore + WEEK_S);
    const signature = url.searchParams.get('signature') as string;
    expect(signer.verify(deliveryAttachmentResource(id), expires, signature)).toBe('valid');
    expect(signer.verify(deliveryAttachmentResource(id), expires, signature, new Date(expires * 1000))).toBe('expired');
    const until = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Manila',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(expires * 1000));
    const note = `${TOO_LARGE} Download it until ${until} (Asia/Manila): ${link}`;
    expect(html).toContain(note.replaceAll('&', '&amp;'));
    expect(text.replace(/\s+/g, ' ')).toContain(note);
  });

  it('keeps the note as it is without PUBLIC_URL', async () => {
    const { text, html } = await send({ attachmentOmitted: true, notes: [TOO_LARGE] }, false);
    expect(html).toContain(TOO_LARGE);
    expect(text.match(LINK)).toBeNull();
    expect(html).not.toContain('/attachment?');
  });

  it('adds no link to an empty period note, nor when the workbook is attached', async () => {
    for (const options of [{ attachmentOmitted: true, notes: [EMPTY_PERIOD_NOTE] }, { notes: [] }]) {
      const { text, html } = await send(options);
      expect([text.match(LINK), html.includes('/attachment?')]).toEqual([null, false]);
    }
  });
});

describe('the PDF of the report', () => {
  it('goes beside the workbook when the schedule asks for it, saying what the email says', async () => {
    const { attachments } = await send({ pdfPageSize: 'LETTER', senderName: 'Lucky Repairs' });
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
    const { attachments } = await send({});
    expect(attachments.map((attachment) => attachment.filename)).toEqual(['Sales_Report_2026_03_02.xlsx']);
  });
});
