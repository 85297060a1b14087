import { delivery, reportSchedule, scheduleWebhook, webhookSigningContext, webhookUrlContext } from '@reportmail/db';
import { JOBS } from '@reportmail/queue';
import { createWebhookReceiver, type WebhookReceiver } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const SECRET = 'whsec-canary-0f3a7c9e2b5d8e1f';
const URL_TOKEN = 'T000/B000/canaryXyZ9';
const fieldError = (field: string, message: string) => ({
  error: 'VALIDATION',
  message: `${field}: ${message}`,
  details: [{ field, message }],
});

async function createSchedule(fixture: ApiFixture, name = 'Daily owner report'): Promise<string> {
  const [row] = await fixture.database.db
    .insert(reportSchedule)
    .values({ name, frequency: 'daily', recipientsTo: ['owner@shop.example'] })
    .returning({ id: reportSchedule.id });
  return row?.id as string;
}

describe('schedule webhooks', () => {
  let fixture: ApiFixture;
  let receiver: WebhookReceiver;
  let scheduleId: string;
  const base = () => `/v1/schedules/${scheduleId}/webhooks`;
  const generic = () => ({
    kind: 'webhook',
    label: 'Books system',
    url: `${receiver.url}/in/${URL_TOKEN}`,
    signingSecret: SECRET,
  });

  beforeAll(async () => {
    [fixture, receiver] = await Promise.all([
      createApiFixture({ ALLOW_PRIVATE_WEBHOOKS: 'true' }),
      createWebhookReceiver({ signingSecret: SECRET }),
    ]);
    scheduleId = await createSchedule(fixture);
  });
  afterAll(async () => {
    await receiver.close();
    await fixture.close();
  });

  it('stores the URL and secret encrypted and answers with a hint only', async () => {
    const reply = await fixture.call('admin', 'POST', base(), generic());
    const body = reply.json();
    expect(reply.statusCode).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      scheduleId,
      kind: 'webhook',
      label: 'Books system',
      urlHint: `${receiver.url}/…XyZ9`,
      signingSecretSet: true,
      enabled: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const [row] = await fixture.database.db.select().from(scheduleWebhook).where(eq(scheduleWebhook.id, body.id));
    const stored = JSON.stringify(row);
    expect([stored.includes(SECRET), stored.includes(URL_TOKEN)]).toEqual([false, false]);
    expect(fixture.secretBox.decrypt(row?.urlCiphertext ?? '', webhookUrlContext(body.id))).toBe(generic().url);
    expect(fixture.secretBox.decrypt(row?.signingSecretCiphertext ?? '', webhookSigningContext(body.id))).toBe(SECRET);
  });

  it('lists them for a viewer, with no secret anywhere in the answer, the logs or the audit', async () => {
    const reply = await fixture.call('viewer', 'GET', base());
    const [audit] = await fixture.database
      .sql`select details from reportmail.audit_log where action = 'webhook.create'`;
    expect(reply.statusCode).toBe(200);
    expect(reply.json().items.map((item: { label: string }) => item.label)).toEqual(['Books system']);
    const seen = [reply.body, fixture.logs.join(''), JSON.stringify(audit)];
    expect(seen.map((text) => text.includes(SECRET) || text.includes(URL_TOKEN))).toEqual([false, false, false]);
    expect(audit?.details).toEqual({ scheduleId, kind: 'webhook', label: 'Books system', enabled: true });
  });

  it.each([
    [{ kind: 'webhook', signingSecret: undefined }, 'body.signingSecret', 'is required for a generic webhook'],
    [
      { kind: 'slack', signingSecret: SECRET },
      'body.signingSecret',
      'must be left out for Slack (its incoming webhooks take no signature)',
    ],
    [
      { signingSecret: 'short' },
      'body.signingSecret',
      'must be at least 24 characters (a random string the receiver also holds)',
    ],
    [{ url: 'ftp://files.example/in' }, 'body.url', 'must be an https URL'],
    [{ url: 'not a url' }, 'body.url', 'must be an https URL'],
    [{ kind: 'teams' }, 'body.kind', 'must be slack (a Slack incoming webhook) or webhook (signed JSON)'],
  ])('refuses %j naming %s', async (change, field, message) => {
    const reply = await fixture.call('admin', 'POST', base(), { ...generic(), ...change });
    expect([reply.statusCode, reply.json()]).toEqual([400, fieldError(field, message)]);
  });

  it('lets only admins write', async () => {
    const reply = await fixture.call('viewer', 'POST', base(), generic());
    expect(reply.statusCode).toBe(403);
  });

  it('changes the URL alone, keeping the secret, and audits what changed without values', async () => {
    const created = (await fixture.call('admin', 'POST', base(), { ...generic(), label: 'To patch' })).json();
    const before = await fixture.database.db.select().from(scheduleWebhook).where(eq(scheduleWebhook.id, created.id));
    const reply = await fixture.call('admin', 'PATCH', `${base()}/${created.id}`, {
      url: `${receiver.url}/moved/abcd1234`,
    });
    const after = await fixture.database.db.select().from(scheduleWebhook).where(eq(scheduleWebhook.id, created.id));
    const [audit] = await fixture.database
      .sql`select details from reportmail.audit_log where action = 'webhook.update'`;
    expect([reply.statusCode, reply.json().urlHint]).toEqual([200, `${receiver.url}/…1234`]);
    expect(after[0]?.signingSecretCiphertext).toBe(before[0]?.signingSecretCiphertext);
    expect(audit?.details).toEqual({
      scheduleId,
      label: 'To patch',
      changed: [],
      urlChanged: true,
      signingSecretChanged: false,
    });
  });

  it('posts a signed test document and says how the receiver answered', async () => {
    const created = (await fixture.call('admin', 'POST', base(), { ...generic(), label: 'Tested' })).json();
    const before = receiver.received.length;
    const ok = await fixture.call('admin', 'POST', `${base()}/${created.id}/test`);
    receiver.script([{ status: 404, body: 'no such hook' }]);
    const refused = await fixture.call('admin', 'POST', `${base()}/${created.id}/test`);
    const [request] = receiver.received.slice(before);
    const host = new URL(receiver.url).host;
    expect(ok.json()).toEqual({ ok: true, status: 200, message: `${host} answered HTTP 200` });
    expect(refused.json()).toEqual({ ok: false, status: 404, message: `${host} answered HTTP 404: no such hook` });
    expect([request?.signatureValid, JSON.parse(request?.body ?? '{}').type]).toEqual([true, 'webhook.test']);
    expect(await fixture.database.db.select().from(delivery)).toEqual([]);
  });

  it('deletes one, and answers 404 for a webhook of another schedule', async () => {
    const other = await createSchedule(fixture, 'Weekly');
    const created = (await fixture.call('admin', 'POST', base(), { ...generic(), label: 'To delete' })).json();
    const foreign = await fixture.call('admin', 'DELETE', `/v1/schedules/${other}/webhooks/${created.id}`);
    const removed = await fixture.call('admin', 'DELETE', `${base()}/${created.id}`);
    const labels = (await fixture.call('viewer', 'GET', base()))
      .json()
      .items.map((item: { label: string }) => item.label);
    expect([foreign.statusCode, removed.statusCode, labels.includes('To delete')]).toEqual([404, 204, false]);
  });

  it('holds at most 10 webhooks per schedule', async () => {
    const own = await createSchedule(fixture, 'Busy');
    const codes = [];
    for (let index = 0; index < 11; index += 1) {
      const reply = await fixture.call('admin', 'POST', `/v1/schedules/${own}/webhooks`, {
        ...generic(),
        label: `Hook ${index}`,
      });
      codes.push(reply.statusCode);
    }
    expect(codes).toEqual([...Array(10).fill(201), 409]);
  });

  it('resends a webhook delivery as a new row for that webhook only, queued with its id alone', async () => {
    const created = (await fixture.call('admin', 'POST', base(), { ...generic(), label: 'Resent' })).json();
    const period = { periodStart: new Date('2026-03-01T16:00:00Z'), periodEnd: new Date('2026-03-02T16:00:00Z') };
    const common = {
      scheduleId,
      trigger: 'scheduled' as const,
      reportType: 'daily_sales',
      timezone: 'Asia/Manila',
      ...period,
    };
    const [report] = await fixture.database.db
      .insert(delivery)
      .values({ ...common, status: 'sent' })
      .returning();
    const [original] = await fixture.database.db
      .insert(delivery)
      .values({
        ...common,
        status: 'failed',
        channel: 'webhook',
        reportDeliveryId: report?.id,
        webhookId: created.id,
        webhookLabel: 'Resent',
      })
      .returning();
    const reply = await fixture.call('admin', 'POST', `/v1/deliveries/${original?.id}/resend`);
    const { deliveryId } = reply.json();
    const [copy] = await fixture.database.db.select().from(delivery).where(eq(delivery.id, deliveryId));
    const job = await fixture.queues.mail.getJob(`deliver-webhook-${deliveryId}`);
    expect(reply.statusCode).toBe(202);
    expect([copy?.channel, copy?.trigger, copy?.status, copy?.reportDeliveryId, copy?.redeliveryOf]).toEqual([
      'webhook',
      'manual',
      'sending',
      report?.id,
      original?.id,
    ]);
    expect([job?.name, job?.data]).toEqual([JOBS.deliverWebhook, { deliveryId }]);
  });
});

describe('a schedule with no email recipient', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await createApiFixture({ ALLOW_PRIVATE_WEBHOOKS: 'true' });
  });
  afterAll(() => fixture.close());

  it('is switched on, saved enabled and sent now once it has an enabled Slack or webhook, not before', async () => {
    const [row] = await fixture.database.db
      .insert(reportSchedule)
      .values({ name: 'Slack only', frequency: 'daily' })
      .returning({ id: reportSchedule.id });
    const id = row?.id as string;
    const on = () => fixture.call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: true });
    const replace = () =>
      fixture.call('admin', 'PUT', `/v1/schedules/${id}`, { name: 'Slack only', frequency: 'daily', enabled: true });
    const sendNow = () => fixture.call('admin', 'POST', `/v1/schedules/${id}/run`, {});
    const before = [(await on()).statusCode, (await replace()).statusCode, (await sendNow()).statusCode];
    const hook = { kind: 'slack', label: '#owners', url: 'http://127.0.0.1:9/services/T/B/x' };
    expect((await fixture.call('admin', 'POST', `/v1/schedules/${id}/webhooks`, hook)).statusCode).toBe(201);
    const after = [(await on()).statusCode, (await replace()).statusCode, (await sendNow()).statusCode];
    expect([before, after]).toEqual([
      [400, 400, 400],
      [200, 200, 202],
    ]);
    const [queued] = await fixture.database.db.select().from(delivery).where(eq(delivery.scheduleId, id));
    expect([queued?.trigger, queued?.recipients]).toEqual(['manual', { to: [], cc: [], bcc: [] }]);
  });
});

describe('schedule webhooks: the SSRF guard (ALLOW_PRIVATE_WEBHOOKS off)', () => {
  let fixture: ApiFixture;
  let scheduleId: string;

  beforeAll(async () => {
    fixture = await createApiFixture({ ALLOW_PRIVATE_WEBHOOKS: 'false' });
    scheduleId = await createSchedule(fixture);
  });
  afterAll(() => fixture.close());

  it.each([
    [
      'webhook',
      'https://127.0.0.1/in',
      '127.0.0.1 resolves to a loopback address; only public webhooks are allowed (ALLOW_PRIVATE_WEBHOOKS is off)',
    ],
    [
      'webhook',
      'https://10.1.2.3/in',
      '10.1.2.3 resolves to a private address; only public webhooks are allowed (ALLOW_PRIVATE_WEBHOOKS is off)',
    ],
    [
      'webhook',
      'https://169.254.169.254/latest',
      '169.254.169.254 resolves to a cloud metadata address; only public webhooks are allowed (ALLOW_PRIVATE_WEBHOOKS is off)',
    ],
    [
      'webhook',
      'https://[::1]/in',
      '::1 resolves to a loopback address; only public webhooks are allowed (ALLOW_PRIVATE_WEBHOOKS is off)',
    ],
    [
      'webhook',
      'https://metadata.google.internal/x',
      'metadata.google.internal is a cloud metadata service, not a webhook',
    ],
    ['webhook', 'http://8.8.8.8/in', 'must be an https URL (ALLOW_PRIVATE_WEBHOOKS is off)'],
    [
      'slack',
      'https://8.8.8.8/services/T0/B0/x',
      'must be a Slack incoming webhook URL (https://hooks.slack.com/services/…)',
    ],
  ])('refuses a %s to %s', async (kind, url, message) => {
    const signingSecret = kind === 'webhook' ? SECRET : undefined;
    const reply = await fixture.call('admin', 'POST', `/v1/schedules/${scheduleId}/webhooks`, {
      kind,
      label: 'x',
      url,
      signingSecret,
    });
    expect([reply.statusCode, reply.json()]).toEqual([400, fieldError('body.url', message)]);
    expect(await fixture.database.db.select().from(scheduleWebhook)).toEqual([]);
  });
});
