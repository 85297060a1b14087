import { createLinkSigner, deliveryAttachmentResource, generateKeyEntry } from '@reportmail/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';
import { attachmentDisposition } from './attachment-access.js';
import { insertArtifact, insertDelivery, insertSchedule, XLSX } from './test-rows.js';

const FILENAME = 'Sales_Report_2026_03_02.xlsx';
const oldKey = generateKeyEntry('old');
const activeKey = generateKeyEntry('active');
const ASK_AGAIN = 'ask for a new report, or sign in to the admin API and download it from the delivery log';

describe('downloading a delivery workbook', () => {
  let fixture: ApiFixture;
  let withWorkbook: string;
  let withoutWorkbook: string;
  let bytes: Buffer;
  const signer = createLinkSigner(activeKey);
  const linkTo = (id: string, expiresAt = new Date(Date.now() + 3_600_000), by = signer) => {
    const { expires, signature } = by.sign(deliveryAttachmentResource(id), expiresAt);
    return `/v1/deliveries/${id}/attachment?expires=${expires}&signature=${signature}`;
  };
  const get = (url: string, caller: 'admin' | 'viewer' | 'anonymous' = 'anonymous') => fixture.call(caller, 'GET', url);
  const refusal = async (url: string) => {
    const reply = await get(url);
    return [reply.statusCode, reply.json().error, reply.json().message];
  };

  beforeAll(async () => {
    // The old key is still listed after a rotation: links it signed keep working.
    fixture = await createApiFixture({ SECRETS_KEY: `${activeKey},${oldKey}` });
    const scheduleId = await insertSchedule(fixture.database.db, 'Daily');
    withWorkbook = await insertDelivery(fixture.database.db, { scheduleId, attachmentOmitted: true });
    withoutWorkbook = await insertDelivery(fixture.database.db, { scheduleId, trigger: 'manual' });
    bytes = await insertArtifact(fixture.database.db, withWorkbook, FILENAME);
  });
  afterAll(async () => fixture.close());

  it('sends the stored bytes with their type, name and length to a viewer', async () => {
    const reply = await get(`/v1/deliveries/${withWorkbook}/attachment`, 'viewer');
    expect(reply.statusCode).toBe(200);
    expect(reply.rawPayload.equals(bytes)).toBe(true);
    expect([
      reply.headers['content-type'],
      reply.headers['content-disposition'],
      reply.headers['content-length'],
      reply.headers['cache-control'],
    ]).toEqual([XLSX, `attachment; filename="${FILENAME}"`, String(bytes.length), 'private, no-store']);
  });

  it('sends them to anyone holding a valid signed link, also one signed with a still-listed older key', async () => {
    for (const url of [linkTo(withWorkbook), linkTo(withWorkbook, undefined, createLinkSigner(oldKey))]) {
      const reply = await get(url);
      expect([reply.statusCode, reply.rawPayload.equals(bytes)]).toEqual([200, true]);
    }
  });

  it('refuses an expired link, saying so and what to do', async () => {
    const expiredAt = new Date('2026-03-09T01:00:00.000Z');
    expect(await refusal(linkTo(withWorkbook, expiredAt))).toEqual([
      401,
      'UNAUTHENTICATED',
      `This download link expired at 2026-03-09T01:00:00.000Z: ${ASK_AGAIN}`,
    ]);
  });

  it('refuses links with another delivery id, a changed expiry or signature, or an unlisted key', async () => {
    const valid = linkTo(withWorkbook);
    const expires = Number(/expires=(\d+)/.exec(valid)?.[1]);
    const invalid = [401, 'UNAUTHENTICATED', `This download link is not valid (changed or cut short): ${ASK_AGAIN}`];
    const tampered = [
      valid.replace(withWorkbook, withoutWorkbook),
      valid.replace(`expires=${expires}`, `expires=${expires + 86_400}`),
      valid.replace(/signature=./, (prefix) => `signature=${prefix.endsWith('A') ? 'B' : 'A'}`),
      valid.slice(0, -1),
      linkTo(withWorkbook, undefined, createLinkSigner(generateKeyEntry('unlisted'))),
    ];
    for (const url of tampered) expect(await refusal(url)).toEqual(invalid);
  });

  it('needs a token or both link parameters', async () => {
    expect((await refusal(`/v1/deliveries/${withWorkbook}/attachment`))[0]).toBe(401);
    const half = await get(`/v1/deliveries/${withWorkbook}/attachment?expires=4102444800`);
    expect([half.statusCode, half.json().details]).toEqual([
      400,
      [{ field: 'querystring.signature', message: 'is required with a signed link' }],
    ]);
  });

  it('answers 404 when no workbook is stored, only to someone allowed to ask', async () => {
    const message = `Delivery ${withoutWorkbook} has no stored workbook`;
    for (const reply of [
      await get(`/v1/deliveries/${withoutWorkbook}/attachment`, 'viewer'),
      await get(linkTo(withoutWorkbook)),
    ]) {
      expect([reply.statusCode, reply.json()]).toEqual([404, { error: 'NOT_FOUND', message, details: [] }]);
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(`/v1/deliveries/${unknown}/attachment`)).statusCode).toBe(401);
  });

  it('never writes a signature to the log, though it logs the request', async () => {
    const url = linkTo(withWorkbook);
    const signature = new URL(url, 'http://api.test').searchParams.get('signature') as string;
    fixture.logs.length = 0;
    expect((await get(url)).statusCode).toBe(200);
    expect(fixture.logs.some((line) => line.includes(`/v1/deliveries/${withWorkbook}/attachment`))).toBe(true);
    expect(fixture.logs.filter((line) => line.includes(signature))).toEqual([]);
    expect(fixture.logs.some((line) => line.includes('signature=[redacted]'))).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it.each([
    [FILENAME, `attachment; filename="${FILENAME}"`],
    ['Report "Q1".xlsx', 'attachment; filename="Report _Q1_.xlsx"'],
    ['a\\b\r\nX-Evil: 1.xlsx', 'attachment; filename="a_b__X-Evil: 1.xlsx"'],
    ['Ulat_Ñ.xlsx', 'attachment; filename="Ulat__.xlsx"'],
  ])('quotes %j safely', (filename, header) => {
    expect(attachmentDisposition(filename)).toBe(header);
  });
});
