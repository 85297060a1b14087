import { delivery } from '@reportmail/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
const HOUR = 3_600_000;

type DeliveryRow = typeof delivery.$inferInsert;
const row = (values: Partial<DeliveryRow> & Pick<DeliveryRow, 'status' | 'trigger'>): DeliveryRow => ({
  reportType: 'daily_sales',
  periodStart: new Date('2026-03-01T16:00:00Z'),
  periodEnd: new Date('2026-03-02T16:00:00Z'),
  timezone: 'Asia/Manila',
  ...values,
});
/** A row whose stage took `seconds`, finished `hoursAgo` hours ago. */
const took = (seconds: number, hoursAgo: number) => {
  const end = new Date(Date.now() - hoursAgo * HOUR);
  return { start: new Date(end.getTime() - seconds * 1000), end };
};

/** The sample lines of one metric family, e.g. `reportmail_deliveries{status="sent",trigger="manual"} 1`. */
const samples = (text: string, family: string) =>
  text.split('\n').filter((line) => line.startsWith(`${family}{`) || line.startsWith(`${family} `));

describe('GET /metrics', () => {
  let fixture: ApiFixture;
  let text: string;
  beforeAll(async () => {
    fixture = await createApiFixture({ METRICS_TOKEN });
    const generated = [took(10, 1), took(20, 2), took(500, 25)];
    const sends = [took(1, 1), took(3, 3), took(60, 30)];
    await fixture.database.db.insert(delivery).values([
      ...generated.map(({ start, end }) =>
        row({ status: 'sending', trigger: 'scheduled', generationStartedAt: start, generatedAt: end }),
      ),
      ...sends.map(({ start, end }) => row({ status: 'sent', trigger: 'manual', attemptedAt: start, sentAt: end })),
      // Attempted and failed: no send duration.
      row({ status: 'failed', trigger: 'test', attemptedAt: new Date(Date.now() - HOUR) }),
      row({ status: 'pending', trigger: 'test' }),
    ]);
    await fixture.queues.reports.add('generate-report', { n: 1 });
    await fixture.queues.reports.add('generate-report', { n: 2 });
    await fixture.queues.mail.add('send-email', { n: 3 }, { delay: 60_000 });
    const reply = await fixture.call('viewer', 'GET', '/metrics');
    expect(reply.statusCode).toBe(200);
    text = reply.body;
  });
  afterAll(() => fixture.close());

  it('answers Prometheus text to a viewer', async () => {
    const reply = await fixture.call('viewer', 'GET', '/metrics');
    expect(reply.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it.each([
    ['the metrics token', `Bearer ${METRICS_TOKEN}`, 200],
    ['an admin token', 'admin', 200],
    ['a wrong token', `Bearer ${METRICS_TOKEN}x`, 401],
    ['no token', null, 401],
  ])('with %s answers %i', async (_, authorization, status) => {
    const header = authorization === 'admin' ? `Bearer ${fixture.admin.token}` : authorization;
    const reply = await fixture.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: header === null ? {} : { authorization: header },
    });
    expect(reply.statusCode).toBe(status);
    if (status === 401) {
      expect(reply.json()).toEqual({
        error: 'UNAUTHENTICATED',
        message: 'A valid bearer token (or a signed-in console session) is required',
        details: [],
      });
    }
  });

  it('counts deliveries by status, trigger and channel, every combination', () => {
    const lines = samples(text, 'reportmail_deliveries');
    expect(lines).toHaveLength(7 * 4 * 3);
    expect(lines.filter((line) => !line.endsWith(' 0'))).toEqual([
      'reportmail_deliveries{status="pending",trigger="test",channel="email"} 1',
      'reportmail_deliveries{status="sending",trigger="scheduled",channel="email"} 3',
      'reportmail_deliveries{status="sent",trigger="manual",channel="email"} 3',
      'reportmail_deliveries{status="failed",trigger="test",channel="email"} 1',
    ]);
  });

  it('counts the jobs of each queue by state', () => {
    const lines = samples(text, 'reportmail_queue_jobs');
    expect(lines).toHaveLength(2 * 7);
    expect(lines.filter((line) => !line.endsWith(' 0'))).toEqual([
      'reportmail_queue_jobs{queue="report-generation",state="waiting"} 2',
      'reportmail_queue_jobs{queue="mail-delivery",state="delayed"} 1',
    ]);
  });

  it('summarises generation and send durations of the last 24 hours', () => {
    expect(samples(text, 'reportmail_generation_duration_seconds')).toEqual([
      'reportmail_generation_duration_seconds{quantile="0.5"} 15',
      'reportmail_generation_duration_seconds{quantile="0.9"} 19',
      'reportmail_generation_duration_seconds{quantile="0.99"} 19.9',
      'reportmail_generation_duration_seconds{quantile="1"} 20',
    ]);
    expect(samples(text, 'reportmail_generations_last_24h')).toEqual(['reportmail_generations_last_24h 2']);
    expect(samples(text, 'reportmail_send_duration_seconds')).toEqual([
      'reportmail_send_duration_seconds{quantile="0.5"} 2',
      'reportmail_send_duration_seconds{quantile="0.9"} 2.8',
      'reportmail_send_duration_seconds{quantile="0.99"} 2.98',
      'reportmail_send_duration_seconds{quantile="1"} 3',
    ]);
    expect(samples(text, 'reportmail_sends_last_24h')).toEqual(['reportmail_sends_last_24h 2']);
  });

  it('includes the process metrics', () => {
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('has no quantile series while the window holds no sample', async () => {
    await fixture.database.sql`update reportmail.delivery set generated_at = null, sent_at = null`;
    const body = (await fixture.call('viewer', 'GET', '/metrics')).body;
    expect(samples(body, 'reportmail_generation_duration_seconds')).toEqual([]);
    expect(samples(body, 'reportmail_send_duration_seconds')).toEqual([]);
    expect(samples(body, 'reportmail_sends_last_24h')).toEqual(['reportmail_sends_last_24h 0']);
  });
});
