import { delivery, reportSchedule } from '@reportmail/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from './test-fixtures.js';

type Operation = { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } };
type WriteRoute = { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; fields: string[] };

/** Values that have broken APIs before: empty, blank, header injection, huge, odd numbers and dates. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  'owner@shop.example\r\nBcc: thief@evil.example',
  'Reports\nX-Injected: 1',
  '\u0000',
  'a'.repeat(70_000),
  '0',
  '-1',
  '1e309',
  'NaN',
  '2026-02-30',
  '25:61',
  'Mars/Olympus',
  '* * * * * *',
  '../../etc/passwd',
  '127.0.0.1',
  '169.254.169.254',
  '{"$gt":""}',
  "' or 1=1 --",
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyString, fc.constantFrom(-1, 0, 65_536, 2 ** 53, 1.5));

function writeRoutes(spec: { paths?: Record<string, Record<string, Operation>> }): WriteRoute[] {
  return Object.entries(spec.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase() as WriteRoute['method'],
          path,
          fields: Object.keys(schema?.properties ?? {}),
        };
      }),
  );
}

/**
 * Random bodies, path ids and field values sent to every write route the OpenAPI document lists, as an
 * admin: whatever arrives, the answer is never a 500 and always the one error shape.
 */
describe('every write route, fed random input', () => {
  let fixture: ApiFixture;
  let ids: string[];

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '10000', LOGIN_ATTEMPTS_PER_15_MIN: '10000' });
    const [schedule] = await fixture.database.db
      .insert(reportSchedule)
      .values({ name: 'Daily', frequency: 'daily', recipientsTo: ['owner@shop.example'] })
      .returning();
    const [row] = await fixture.database.db
      .insert(delivery)
      .values({
        scheduleId: schedule?.id,
        trigger: 'scheduled',
        reportType: 'daily_sales',
        periodStart: new Date('2026-03-01T16:00:00Z'),
        periodEnd: new Date('2026-03-02T16:00:00Z'),
        timezone: 'Asia/Manila',
        status: 'sent',
        recipients: { to: ['owner@shop.example'], cc: [], bcc: [] },
      })
      .returning();
    ids = [schedule?.id as string, row?.id as string, fixture.admin.id, fixture.viewer.id];
  });
  afterAll(async () => fixture.close());

  it('covers the write routes the API documents', async () => {
    await fixture.app.ready();
    const routes = writeRoutes(fixture.app.swagger() as never).map((route) => `${route.method} ${route.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /auth/login',
        'POST /v1/users',
        'PATCH /v1/users/{id}',
        'PUT /v1/me/password',
        'PUT /v1/smtp-settings',
        'POST /v1/smtp-settings/verify',
        'POST /v1/schedules',
        'PUT /v1/schedules/{id}',
        'PATCH /v1/schedules/{id}',
        'DELETE /v1/schedules/{id}',
        'POST /v1/schedules/{id}/run',
        'POST /v1/schedules/{id}/test',
        'POST /v1/deliveries/{id}/resend',
      ]),
    );
  });

  it('never answers 500, whatever the body, path id or field values', async () => {
    await fixture.app.ready();
    const routes = writeRoutes(fixture.app.swagger() as never);
    const pathId = fc.oneof(fc.constantFrom(...ids), fc.uuid(), nastyString.map(encodeURIComponent));
    for (const route of routes) {
      const body =
        route.fields.length > 0
          ? fc.oneof(
              fc.record(Object.fromEntries(route.fields.map((field) => [field, anyValue])), { requiredKeys: [] }),
              anyValue,
            )
          : anyValue;
      await fc.assert(
        fc.asyncProperty(pathId, body, async (id, payload) => {
          const url = route.path.replace(/\{[^}]+\}/g, id);
          const reply = await fixture.call('admin', route.method, url, payload);
          const answer = `${route.method} ${url} → ${reply.statusCode} ${reply.body.slice(0, 300)}`;
          expect(reply.statusCode, answer).toBeLessThan(500);
          if (reply.statusCode >= 400)
            expect(Object.keys(reply.json()).sort(), answer).toEqual(['details', 'error', 'message']);
        }),
        { numRuns: 60, seed: 20261125 },
      );
    }
    const logs = fixture.logs.join('');
    expect(logs).not.toContain(fixture.config.JWT_SECRET);
    expect(logs).not.toContain(fixture.config.SECRETS_KEY.split(':')[1]);
    expect(logs).not.toContain(fixture.admin.token);
  }, 240_000);
});
