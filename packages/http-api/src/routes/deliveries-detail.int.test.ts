import { smtpSettings } from '@reportmail/db';
import { renderReportEmail } from '@reportmail/emails';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDelivery, insertSchedule, MARCH_2_EMAIL } from '../deliveries/test-rows.js';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
const TLS_PORTS = 'port 465 uses implicit TLS (security: tls); ports 587 and 25 use STARTTLS (security: starttls)';
const REFUSED = 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525 (gave up after 8 attempts)';

describe("a delivery's email and error", () => {
  let fixture: ApiFixture;
  const ids: Record<string, string> = {};
  const get = (url: string, caller: 'admin' | 'viewer' | 'anonymous' = 'viewer') => fixture.call(caller, 'GET', url);

  beforeAll(async () => {
    fixture = await createApiFixture();
    const { db } = fixture.database;
    const scheduleId = await insertSchedule(db, 'Daily');
    ids.sent = await insertDelivery(db, { scheduleId, emailContent: MARCH_2_EMAIL, totalRevenue: '3499.75' });
    ids.pending = await insertDelivery(db, { scheduleId, trigger: 'manual', status: 'pending' });
    // Content of an older shape: the mail worker would refuse it, so it is no email at all.
    ids.malformed = await insertDelivery(db, { scheduleId, trigger: 'manual', emailContent: { subject: 'Old' } });
    ids.failed = await insertDelivery(db, {
      scheduleId,
      trigger: 'manual',
      status: 'failed',
      emailContent: MARCH_2_EMAIL,
      errorMessage: REFUSED,
      attempts: 8,
    });
  });
  afterAll(async () => fixture.close());

  it('renders the stored email with the mail worker’s renderer, for a viewer, under a strict CSP', async () => {
    const reply = await get(`/v1/deliveries/${ids.sent}/email`);
    expect(reply.statusCode).toBe(200);
    expect([
      reply.headers['content-type'],
      reply.headers['content-security-policy'],
      reply.headers['cache-control'],
    ]).toEqual(['text/html; charset=utf-8', CSP, 'private, no-store']);
    expect(reply.body).toBe((await renderReportEmail(MARCH_2_EMAIL)).html);
    for (const shown of ['Daily Sales Report', 'Mar 2, 2026 · times in Asia/Manila', '₱3,499.75', 'RT-0007']) {
      expect(reply.body).toContain(shown);
    }
  });

  it('answers 404 for an unknown id, a delivery not generated yet, and content of another shape', async () => {
    const unknown = await get(`/v1/deliveries/${UNKNOWN}/email`);
    expect([unknown.statusCode, unknown.json()]).toEqual([
      404,
      { error: 'NOT_FOUND', message: `No delivery with id ${UNKNOWN}`, details: [] },
    ]);
    for (const id of [ids.pending, ids.malformed]) {
      const reply = await get(`/v1/deliveries/${id}/email`);
      expect([reply.statusCode, reply.json().message]).toEqual([
        404,
        `Delivery ${id} has no email yet: its report was not generated`,
      ]);
    }
    expect((await get(`/v1/deliveries/${ids.malformed}`)).json().emailContent).toBeNull();
  });

  it('needs a signed-in user', async () => {
    expect((await get(`/v1/deliveries/${ids.sent}/email`, 'anonymous')).statusCode).toBe(401);
  });

  it('gives the detail its typed email content', async () => {
    const detail = (await get(`/v1/deliveries/${ids.sent}`)).json();
    expect(detail.emailContent).toEqual(MARCH_2_EMAIL);
  });

  it('explains a failed send in terms of the mail settings saved now', async () => {
    const before = (await get(`/v1/deliveries/${ids.failed}`)).json();
    // No mail server configured any more: mail goes to the outbox, the old server's error has no fix to name.
    expect([before.errorMessage, before.errorHint]).toEqual([REFUSED, null]);
    await fixture.database.db
      .insert(smtpSettings)
      .values({ host: '127.0.0.1', port: 2525, security: 'none', fromAddress: 'reports@shop.example' });
    const after = (await get(`/v1/deliveries/${ids.failed}`)).json();
    expect([after.status, after.attempts, after.errorMessage, after.errorHint]).toEqual([
      'failed',
      8,
      REFUSED,
      `Nothing accepts connections on 127.0.0.1:2525: check the host and the port (${TLS_PORTS}).`,
    ]);
    expect((await get(`/v1/deliveries/${ids.sent}`)).json().errorHint).toBeNull();
  });
});
