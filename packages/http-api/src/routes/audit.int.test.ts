import { auditLog } from '@reportmail/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

type AuditItem = {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  target: string;
  details: Record<string, unknown> | null;
};

describe('GET /v1/audit', () => {
  let fixture: ApiFixture;
  /** The entries as GET /v1/audit shows them, by id (1 = oldest); built once the users exist. */
  let entries: Record<number, AuditItem>;
  const entry = (id: number) => entries[id];
  const audit = async (query: string) => {
    const reply = await fixture.call('admin', 'GET', `/v1/audit${query}`);
    expect(reply.statusCode).toBe(200);
    return reply.json();
  };

  beforeAll(async () => {
    fixture = await createApiFixture();
    const { admin, viewer } = fixture;
    const by = (user: { id: string; email: string } | null) => ({
      actorId: user?.id ?? null,
      actorEmail: user?.email ?? null,
    });
    entries = {
      1: {
        id: 1,
        at: '2026-03-01T08:00:00.000Z',
        ...by(null),
        action: 'user.create',
        target: 'user:a',
        details: { role: 'admin' },
      },
      2: {
        id: 2,
        at: '2026-03-02T08:00:00.000Z',
        ...by(admin),
        action: 'schedule.create',
        target: 'schedule:1',
        details: { name: 'Daily' },
      },
      3: {
        id: 3,
        at: '2026-03-03T08:00:00.000Z',
        ...by(viewer),
        action: 'user.password',
        target: `user:${viewer.id}`,
        details: null,
      },
      4: {
        id: 4,
        at: '2026-03-04T08:00:00.000Z',
        ...by(admin),
        action: 'schedule.update',
        target: 'schedule:1',
        details: { enabled: true },
      },
    };
    await fixture.database.db.insert(auditLog).values(
      Object.values(entries).map(({ at, actorId, action, target, details }) => ({
        at: new Date(at),
        actorId,
        action,
        target,
        details,
      })),
    );
  });
  afterAll(() => fixture.close());

  it('lists entries newest first with who acted, paged', async () => {
    expect(await audit('')).toEqual({
      items: [entry(4), entry(3), entry(2), entry(1)],
      page: 1,
      pageSize: 20,
      total: 4,
    });
    expect(await audit('?page=2&pageSize=3')).toEqual({ items: [entry(1)], page: 2, pageSize: 3, total: 4 });
  });

  it.each([
    ['?action=schedule.update', [4]],
    ['?action=user.', []],
    ['?actorId=ADMIN', [4, 2]],
    ['?from=2026-03-02T08:00:00Z', [4, 3, 2]],
    ['?to=2026-03-02T08:00:00Z', [1]],
    ['?from=2026-03-02T00:00:00%2B08:00&to=2026-03-04T08:00:00Z&actorId=ADMIN', [2]],
  ])('filters by %s', async (query, ids) => {
    const result = await audit(query.replace('ADMIN', fixture.admin.id));
    expect([result.items, result.total]).toEqual([ids.map(entry), ids.length]);
  });

  it.each([
    ['?actorId=42', 'querystring.actorId'],
    ['?from=yesterday', 'querystring.from'],
    ['?from=2026-03-02', 'querystring.from'],
    ['?from=2026-03-04T00:00:00Z&to=2026-03-01T00:00:00Z', 'querystring.to'],
    ['?pageSize=101', 'querystring.pageSize'],
  ])('refuses %s naming %s', async (query, field) => {
    const reply = await fixture.call('admin', 'GET', `/v1/audit${query}`);
    expect([reply.statusCode, reply.json().error]).toEqual([400, 'VALIDATION']);
    expect(reply.json().details.map((detail: { field: string }) => detail.field)).toEqual([field]);
  });

  it('is for admins only', async () => {
    const viewer = await fixture.call('viewer', 'GET', '/v1/audit');
    expect([viewer.statusCode, viewer.json()]).toEqual([
      403,
      { error: 'FORBIDDEN', message: 'This needs the admin role', details: [] },
    ]);
    expect((await fixture.call('anonymous', 'GET', '/v1/audit')).statusCode).toBe(401);
  });
});
