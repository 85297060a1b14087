import { adminUser, auditLog } from '@reportmail/db';
import { and, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture, TEST_PASSWORD } from '../test-fixtures.js';

const NEW_PASSWORD = 'a brand new passphrase';
const UUID = /^[0-9a-f-]{36}$/;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('users', () => {
  let fixture: ApiFixture;
  const call = (...args: Parameters<ApiFixture['call']>) => fixture.call(...args);
  const login = (email: string, password: string) =>
    fixture.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });
  const auditOf = (action: string) =>
    fixture.database.db
      .select({ actorId: auditLog.actorId, target: auditLog.target, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, action));
  const fields = (reply: { json: () => { details: { field: string }[] } }) =>
    reply.json().details.map((detail) => detail.field);
  /** A user made by the API, with a token of their own. */
  const addUser = async (email: string, role: 'admin' | 'viewer') => {
    const created = await call('admin', 'POST', '/v1/users', { email, password: TEST_PASSWORD, role });
    expect(created.statusCode).toBe(201);
    const { token } = (await login(email, TEST_PASSWORD)).json();
    return { id: created.json().id as string, token: token as string };
  };
  const patchAs = (token: string, id: string, body: object) =>
    fixture.app.inject({
      method: 'PATCH',
      url: `/v1/users/${id}`,
      payload: body,
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    fixture = await createApiFixture({ LOGIN_ATTEMPTS_PER_15_MIN: '100' });
  });
  afterAll(() => fixture.close());

  it('lists users without their password hashes, for admins only', async () => {
    const reply = await call('admin', 'GET', '/v1/users');
    expect(reply.statusCode).toBe(200);
    const { items, total } = reply.json();
    expect(total).toBe(2);
    expect(items.map(Object.keys)).toEqual([
      ['id', 'email', 'role', 'disabled', 'createdAt'],
      ['id', 'email', 'role', 'disabled', 'createdAt'],
    ]);
    expect(items.map((user: { email: string; role: string; disabled: boolean }) => [user.email, user.role])).toEqual([
      // Created together (same instant): then by email.
      ['clerk@shop.example', 'viewer'],
      ['owner@shop.example', 'admin'],
    ]);
    expect((await call('viewer', 'GET', '/v1/users')).statusCode).toBe(403);
    expect((await call('anonymous', 'GET', '/v1/users')).statusCode).toBe(401);
  });

  it('adds a user who can then sign in, audited without the password', async () => {
    const body = { email: 'Books@Shop.Example', password: NEW_PASSWORD, role: 'viewer' };
    const reply = await call('admin', 'POST', '/v1/users', body);
    expect(reply.statusCode).toBe(201);
    const user = reply.json();
    expect(user).toEqual({
      id: expect.stringMatching(UUID),
      email: 'books@shop.example',
      role: 'viewer',
      disabled: false,
      createdAt: expect.stringMatching(INSTANT),
    });
    expect((await login('books@shop.example', NEW_PASSWORD)).json().role).toBe('viewer');
    expect(await auditOf('user.create')).toEqual([
      {
        actorId: fixture.admin.id,
        target: `user:${user.id}`,
        details: { email: 'books@shop.example', role: 'viewer' },
      },
    ]);
    expect(fixture.logs.filter((line) => line.includes(NEW_PASSWORD))).toEqual([]);
  });

  it('refuses an email already used, whatever its case, naming body.email', async () => {
    const reply = await call('admin', 'POST', '/v1/users', {
      email: 'OWNER@shop.example',
      password: NEW_PASSWORD,
      role: 'admin',
    });
    expect([reply.statusCode, reply.json()]).toEqual([
      409,
      {
        error: 'CONFLICT',
        message: 'A user with the email owner@shop.example already exists',
        details: [{ field: 'body.email', message: 'is already used by another user' }],
      },
    ]);
  });

  it.each([
    [{ email: 'x@shop.example', password: 'short', role: 'viewer' }, ['body.password']],
    [{ email: 'not an email', password: NEW_PASSWORD, role: 'viewer' }, ['body.email']],
    [{ email: 'x@shop.example', password: NEW_PASSWORD, role: 'root' }, ['body.role']],
    [{ email: 'x@shop.example', password: NEW_PASSWORD, role: 'viewer', passwordHash: 'x' }, ['body.passwordHash']],
  ])('refuses a bad new user %j naming %j, saving nothing', async (body, expected) => {
    const reply = await call('admin', 'POST', '/v1/users', body);
    expect([reply.statusCode, fields(reply)]).toEqual([400, expected]);
    expect(await fixture.database.db.select().from(adminUser).where(like(adminUser.email, 'x@%'))).toEqual([]);
  });

  it('lets only admins add users', async () => {
    const body = { email: 'y@shop.example', password: NEW_PASSWORD, role: 'admin' };
    expect((await call('viewer', 'POST', '/v1/users', body)).statusCode).toBe(403);
  });

  it('promotes, disables (access ends at once) and re-enables a user, audited', async () => {
    const { id, token } = await addUser('temp@shop.example', 'viewer');
    const promoted = await call('admin', 'PATCH', `/v1/users/${id}`, { role: 'admin' });
    expect([promoted.statusCode, promoted.json().role, promoted.json().disabled]).toEqual([200, 'admin', false]);
    const disabled = await call('admin', 'PATCH', `/v1/users/${id}`, { disabled: true });
    expect([disabled.statusCode, disabled.json().disabled]).toEqual([200, true]);
    const me = () =>
      fixture.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(401);
    expect((await login('temp@shop.example', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await call('admin', 'PATCH', `/v1/users/${id}`, { disabled: false })).json().disabled).toBe(false);
    expect((await me()).statusCode).toBe(200);
    expect((await auditOf('user.update')).map((entry) => entry.details)).toEqual([
      { email: 'temp@shop.example', role: 'admin' },
      { email: 'temp@shop.example', disabled: true },
      { email: 'temp@shop.example', disabled: false },
    ]);
  });

  it.each([[{ role: 'viewer' }], [{ disabled: true }]])(
    'does not let an admin demote or disable themselves (%j)',
    async (body) => {
      const reply = await call('admin', 'PATCH', `/v1/users/${fixture.admin.id}`, body);
      expect([reply.statusCode, reply.json()]).toEqual([
        409,
        { error: 'CONFLICT', message: 'You cannot demote or disable yourself', details: [] },
      ]);
    },
  );

  it.each([
    ['an unknown id', '00000000-0000-4000-8000-000000000000', { role: 'admin' }, 404],
    ['a malformed id', 'nope', { role: 'admin' }, 400],
    ['an empty change', 'VIEWER', {}, 400],
    ['an unknown field', 'VIEWER', { role: 'admin', email: 'x@shop.example' }, 400],
  ])('refuses %s', async (_, id, body, status) => {
    const reply = await call('admin', 'PATCH', `/v1/users/${id.replace('VIEWER', fixture.viewer.id)}`, body);
    expect(reply.statusCode).toBe(status);
  });
  describe('PUT /v1/me/password', () => {
    const change = (body: object) => call('viewer', 'PUT', '/v1/me/password', body);

    it.each([
      [
        { currentPassword: 'wrong password!', newPassword: NEW_PASSWORD },
        'body.currentPassword',
        'is not your current password',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: 'too short' },
        'body.newPassword',
        'must be at least 12 characters',
      ],
      [
        { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        'body.newPassword',
        'must differ from the current password',
      ],
    ])('refuses %j naming %s', async (body, field, message) => {
      const reply = await change(body);
      expect([reply.statusCode, reply.json().details]).toEqual([400, [{ field, message }]]);
    });

    it("changes the signed-in user's password, audited without it", async () => {
      const reply = await change({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect([reply.statusCode, reply.body]).toEqual([204, '']);
      expect((await login('clerk@shop.example', TEST_PASSWORD)).statusCode).toBe(401);
      expect((await login('clerk@shop.example', NEW_PASSWORD)).statusCode).toBe(200);
      const { id } = fixture.viewer;
      expect(await auditOf('user.password')).toEqual([{ actorId: id, target: `user:${id}`, details: null }]);
      expect(fixture.logs.filter((line) => line.includes(NEW_PASSWORD) || line.includes(TEST_PASSWORD))).toEqual([]);
    });

    it('needs a signed-in user', async () => {
      const reply = await call('anonymous', 'PUT', '/v1/me/password', {
        currentPassword: 'x',
        newPassword: NEW_PASSWORD,
      });
      expect(reply.statusCode).toBe(401);
    });
  });

  describe('POST /v1/users/:id/password', () => {
    const RESET_PASSWORD = 'reset by the admin 42';
    const UNKNOWN = '00000000-0000-4000-8000-000000000000';
    let forgetful: { id: string; token: string };
    const reset = (caller: 'admin' | 'viewer' | 'anonymous', id: string, body: object) =>
      call(caller, 'POST', `/v1/users/${id}/password`, body);
    const hashOf = async (id: string) =>
      (await fixture.database.db.select().from(adminUser).where(eq(adminUser.id, id)))[0]?.passwordHash;

    beforeAll(async () => {
      forgetful = await addUser('forgetful@shop.example', 'viewer');
    });

    it.each([
      [
        'a viewer',
        'viewer',
        'FORGETFUL',
        { password: RESET_PASSWORD },
        403,
        'FORBIDDEN',
        'This needs the admin role',
        [],
      ],
      [
        'a weak password',
        'admin',
        'FORGETFUL',
        { password: 'too short' },
        400,
        'VALIDATION',
        'body.password: must be at least 12 characters',
        [{ field: 'body.password', message: 'must be at least 12 characters' }],
      ],
      [
        'an unknown field',
        'admin',
        'FORGETFUL',
        { password: RESET_PASSWORD, role: 'admin' },
        400,
        'VALIDATION',
        'body.role: is not a field of this request',
        [{ field: 'body.role', message: 'is not a field of this request' }],
      ],
      ['an unknown id', 'admin', UNKNOWN, { password: RESET_PASSWORD }, 404, 'NOT_FOUND', `No user ${UNKNOWN}`, []],
      [
        "the admin's own password",
        'admin',
        'SELF',
        { password: RESET_PASSWORD },
        409,
        'CONFLICT',
        'Change your own password under My account: it needs your current password',
        [],
      ],
    ] as const)('refuses %s, changing nothing', async (_, caller, target, body, status, error, message, details) => {
      const id = target === 'FORGETFUL' ? forgetful.id : target === 'SELF' ? fixture.admin.id : target;
      const before = await hashOf(id);
      const reply = await reset(caller, id, body);
      expect([reply.statusCode, reply.json()]).toEqual([status, { error, message, details }]);
      expect(await hashOf(id)).toBe(before);
    });

    it('needs a signed-in user', async () => {
      const reply = await reset('anonymous', forgetful.id, { password: RESET_PASSWORD });
      expect(reply.statusCode).toBe(401);
    });

    it("sets another user's password, audited without it; tokens already issued stay valid", async () => {
      const reply = await reset('admin', forgetful.id, { password: RESET_PASSWORD });
      expect([reply.statusCode, reply.body]).toEqual([204, '']);
      expect((await login('forgetful@shop.example', TEST_PASSWORD)).statusCode).toBe(401);
      expect((await login('forgetful@shop.example', RESET_PASSWORD)).statusCode).toBe(200);
      const me = await fixture.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${forgetful.token}` },
      });
      expect(me.statusCode).toBe(200);
      expect(await auditOf('user.password_reset')).toEqual([
        { actorId: fixture.admin.id, target: `user:${forgetful.id}`, details: { email: 'forgetful@shop.example' } },
      ]);
      expect(fixture.logs.filter((line) => line.includes(RESET_PASSWORD))).toEqual([]);
    });
  });

  // Last: whichever admin loses the race is disabled afterwards.
  it('keeps the last active admin when two admins disable each other at once', async () => {
    const other = await addUser('second@shop.example', 'admin');
    const activeAdmins = () =>
      fixture.database.db
        .select({ id: adminUser.id })
        .from(adminUser)
        .where(and(eq(adminUser.role, 'admin'), isNull(adminUser.disabledAt)));
    // temp@ from the test above is an admin too: take it out first, leaving exactly two.
    const [temp] = await fixture.database.db.select().from(adminUser).where(eq(adminUser.email, 'temp@shop.example'));
    await call('admin', 'PATCH', `/v1/users/${temp?.id}`, { disabled: true });
    expect(await activeAdmins()).toHaveLength(2);
    const replies = await Promise.all([
      patchAs(fixture.admin.token, other.id, { disabled: true }),
      patchAs(other.token, fixture.admin.id, { disabled: true }),
    ]);
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect([200, 401, 409]).toEqual(expect.arrayContaining(statuses));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(await activeAdmins()).toHaveLength(1);
    const loser = replies.find((reply) => reply.statusCode === 409);
    if (loser) expect(loser.json().message).toMatch(/is the last active admin: make another admin first$/);
  });
});
