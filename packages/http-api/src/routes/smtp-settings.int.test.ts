import { smtpSettings } from '@reportmail/db';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import { createSmtpSink, type SmtpSink } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANARY,
  type RecordingFixture,
  recordingFixture,
  SETTINGS_URL,
  TLS_PORTS,
  VERIFY_URL,
  validation,
} from '../smtp/recording-fixture.test-helper.js';
import type { ApiFixture } from '../test-fixtures.js';

describe('SMTP settings: read, save, verify', () => {
  let fixture: ApiFixture;
  let bodies: string[];
  let call: RecordingFixture['call'];
  let auditRows: RecordingFixture['auditRows'];
  let sink: SmtpSink;
  let rejecting: SmtpSink;
  let relay: SmtpSink;
  let closedPort: number;
  const settings = (overrides: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    username: 'reports@shop.example',
    password: CANARY,
    fromAddress: 'Reports@Shop.example',
    fromName: 'Shop Reports',
    adminAddress: 'owner@shop.example',
    ...overrides,
  });
  const savedRow = async () => {
    const [row] = await fixture.database.db.select().from(smtpSettings);
    return row;
  };

  beforeAll(async () => {
    ({ fixture, bodies, call, auditRows } = await recordingFixture({ SENDS_PER_MINUTE: '100' }));
    [sink, rejecting, relay] = await Promise.all([
      createSmtpSink(),
      createSmtpSink({ credentials: { username: 'reports@shop.example', password: 'not-the-saved-one' } }),
      createSmtpSink({ auth: false }),
    ]);
    const closed = await createSmtpSink();
    closedPort = closed.port;
    await closed.close();
  });
  afterAll(async () => {
    await Promise.all([sink.close(), rejecting.close(), relay.close()]);
    await fixture.close();
  });

  it('answers 404 until SMTP is configured, to the admin and the viewer', async () => {
    const notConfigured = { error: 'NOT_FOUND', message: 'SMTP is not configured yet', details: [] };
    expect(await call('admin', 'GET', SETTINGS_URL)).toEqual({ status: 404, body: notConfigured });
    expect(await call('viewer', 'GET', SETTINGS_URL)).toEqual({ status: 404, body: notConfigured });
  });

  it('needs a signed-in user, and the admin role to save or verify', async () => {
    const unauthenticated = {
      error: 'UNAUTHENTICATED',
      message: 'A valid bearer token (or a signed-in console session) is required',
      details: [],
    };
    const forbidden = { error: 'FORBIDDEN', message: 'This needs the admin role', details: [] };
    expect(await call('anonymous', 'GET', SETTINGS_URL)).toEqual({ status: 401, body: unauthenticated });
    expect(await call('anonymous', 'PUT', SETTINGS_URL, settings())).toEqual({ status: 401, body: unauthenticated });
    expect(await call('anonymous', 'POST', VERIFY_URL, {})).toEqual({ status: 401, body: unauthenticated });
    expect(await call('viewer', 'PUT', SETTINGS_URL, settings())).toEqual({ status: 403, body: forbidden });
    expect(await call('viewer', 'POST', VERIFY_URL, {})).toEqual({ status: 403, body: forbidden });
    expect(await savedRow()).toBeUndefined();
  });

  it('saves the settings and shows them to the viewer with passwordSet, never the password', async () => {
    const saved = await call('admin', 'PUT', SETTINGS_URL, settings());
    const expected = {
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      username: 'reports@shop.example',
      passwordSet: true,
      fromAddress: 'reports@shop.example',
      fromName: 'Shop Reports',
      adminAddress: 'owner@shop.example',
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updatedBy: fixture.admin.id,
    };
    expect(saved).toEqual({ status: 200, body: expected });
    expect(await call('viewer', 'GET', SETTINGS_URL)).toEqual({ status: 200, body: saved.body });
    const row = await savedRow();
    expect(row?.passwordCiphertext).not.toContain(CANARY);
    expect(fixture.secretBox.decrypt(row?.passwordCiphertext ?? '', SMTP_PASSWORD_CONTEXT)).toBe(CANARY);
  });

  it.each([
    ['omitted', {}],
    ['blank', { password: '' }],
    ['spaces', { password: '   ' }],
    ['null', { password: null }],
  ])('keeps the saved password when the new one is %s', async (_, password) => {
    const before = await savedRow();
    const { password: _dropped, ...withoutPassword } = settings({ fromName: `Shop Reports ${_}` });
    const reply = await call('admin', 'PUT', SETTINGS_URL, { ...withoutPassword, ...password });
    expect([reply.status, reply.body.passwordSet, reply.body.fromName]).toEqual([200, true, `Shop Reports ${_}`]);
    const after = await savedRow();
    expect(after?.passwordCiphertext).toBe(before?.passwordCiphertext);
    expect(fixture.secretBox.decrypt(after?.passwordCiphertext ?? '', SMTP_PASSWORD_CONTEXT)).toBe(CANARY);
  });

  it('needs the password again for a different host, and a username with a password', async () => {
    const before = await savedRow();
    const { password: _dropped, ...withoutPassword } = settings({ host: 'localhost' });
    expect(await call('admin', 'PUT', SETTINGS_URL, withoutPassword)).toEqual({
      status: 400,
      body: validation(
        'body.password',
        'must be entered again for a different host: the saved one is only sent to the saved host',
      ),
    });
    expect(await call('admin', 'PUT', SETTINGS_URL, settings({ username: '' }))).toEqual({
      status: 400,
      body: validation('body.username', 'is required with a password (SMTP AUTH needs both)'),
    });
    expect(await savedRow()).toEqual(before);
  });

  it.each([
    ['a line break in fromName', { fromName: 'Reports\r\nBcc: thief@evil.example' }, 'body.fromName'],
    ['port 0', { port: 0 }, 'body.port'],
    ['port 70000', { port: 70_000 }, 'body.port'],
    ['a port as text', { port: '587' }, 'body.port'],
    ['security ssl', { security: 'ssl' }, 'body.security'],
    ['two from addresses', { fromAddress: 'a@shop.example, b@shop.example' }, 'body.fromAddress'],
    ['a bad admin address', { adminAddress: 'owner' }, 'body.adminAddress'],
    ['a host with a line break', { host: 'smtp.shop.example\r\nRCPT TO:<x@y>' }, 'body.host'],
    ['a host with a port', { host: 'smtp.shop.example:587' }, 'body.host'],
    ['a missing host', { host: undefined }, 'body.host'],
    ['an unknown field', { passwordCiphertext: 'v1.x' }, 'body.passwordCiphertext'],
  ])('refuses %s naming %s, saving nothing', async (_, overrides, field) => {
    const before = await savedRow();
    const reply = await call('admin', 'PUT', SETTINGS_URL, settings(overrides));
    expect([reply.status, reply.body.error, reply.body.details.map((d: { field: string }) => d.field)]).toEqual([
      400,
      'VALIDATION',
      [field],
    ]);
    expect(await savedRow()).toEqual(before);
  });

  it('names the port rule exactly', async () => {
    expect((await call('admin', 'PUT', SETTINGS_URL, settings({ port: 0 }))).body).toEqual(
      validation('body.port', 'must be a port number from 1 to 65535'),
    );
  });

  it.each(['localhost', '::1', '10.1.2.3', '169.254.169.254'])(
    'saves an internal host (%s) while ALLOW_PRIVATE_SMTP is on',
    async (host) => {
      const reply = await call('admin', 'PUT', SETTINGS_URL, settings({ host }));
      expect([reply.status, reply.body.host]).toEqual([200, host]);
    },
  );

  it('replaces the password and drops it with the username', async () => {
    await call('admin', 'PUT', SETTINGS_URL, settings({ password: 'another-password' }));
    const noAuth = await call('admin', 'PUT', SETTINGS_URL, settings({ username: null, password: undefined }));
    expect([noAuth.status, noAuth.body.username, noAuth.body.passwordSet]).toEqual([200, null, false]);
    expect((await savedRow())?.passwordCiphertext).toBeNull();
    expect((await call('admin', 'PUT', SETTINGS_URL, settings())).body.passwordSet).toBe(true);
  });

  it('verifies the saved settings against the sink', async () => {
    const loggedIn = { ok: true, login: 'accepted', note: null };
    expect(await call('admin', 'POST', VERIFY_URL)).toEqual({ status: 200, body: loggedIn });
    expect(await call('admin', 'POST', VERIFY_URL, {})).toEqual({ status: 200, body: loggedIn });
    expect(sink.logins.at(-1)).toEqual({ username: 'reports@shop.example', password: CANARY });
  });

  it('says the username and password were not tested by a server that offers no login', async () => {
    const reply = await call('admin', 'POST', VERIFY_URL, { port: relay.port });
    expect(reply).toEqual({
      status: 200,
      body: {
        ok: true,
        login: 'not_tested',
        note:
          'Connected, but the server offers no login (AUTH), so the username and password were not tested: mail ' +
          'will go out without them. That is right for a relay that trusts this machine; if your provider needs a ' +
          'login, it usually offers AUTH only after STARTTLS (port 587) or with TLS (port 465): check the security setting.',
      },
    });
    const withoutLogin = await call('admin', 'POST', VERIFY_URL, { port: relay.port, username: null });
    expect(withoutLogin.body).toEqual({ ok: true, login: 'not_used', note: null });
  });

  it('reports a refused login with the saved password, which did reach the server', async () => {
    const reply = await call('admin', 'POST', VERIFY_URL, { port: rejecting.port });
    expect(reply).toEqual({
      status: 200,
      body: {
        ok: false,
        code: 'AUTH_FAILED',
        field: 'password',
        hint:
          'The server rejected the username or password. Check both; providers with two-step sign-in (Gmail, ' +
          'Google Workspace, Outlook) need an app password, and some need SMTP AUTH switched on for the mailbox.',
        serverMessage: '535 5.7.8 Username and Password not accepted',
      },
    });
    expect(rejecting.logins).toEqual([{ username: 'reports@shop.example', password: CANARY }]);
  });

  it('reports a closed port', async () => {
    expect(await call('admin', 'POST', VERIFY_URL, { port: closedPort })).toEqual({
      status: 200,
      body: {
        ok: false,
        code: 'CONNECTION_REFUSED',
        field: 'port',
        hint: `Nothing accepts connections on 127.0.0.1:${closedPort}: check the host and the port (${TLS_PORTS}).`,
        serverMessage: `connect ECONNREFUSED 127.0.0.1:${closedPort}`,
      },
    });
  });

  it('reports implicit TLS against a plain server as the wrong TLS mode', async () => {
    expect(await call('admin', 'POST', VERIFY_URL, { security: 'tls' })).toEqual({
      status: 200,
      body: {
        ok: false,
        code: 'TLS_MODE_MISMATCH',
        field: 'security',
        hint: `The connection to 127.0.0.1:${sink.port} failed with security "tls": ${TLS_PORTS}.`,
        serverMessage: 'wrong version number',
      },
    });
  });

  it('reports STARTTLS asked of a server that does not offer it, pointing at the security field', async () => {
    expect(await call('admin', 'POST', VERIFY_URL, { security: 'starttls' })).toEqual({
      status: 200,
      body: {
        ok: false,
        code: 'STARTTLS_UNAVAILABLE',
        field: 'security',
        hint: `127.0.0.1:${sink.port} does not offer STARTTLS: ${TLS_PORTS}.`,
        serverMessage: '500 Error: command not recognized',
      },
    });
  });

  it('tests other settings without saving them, and needs the password for another host', async () => {
    const before = await savedRow();
    const { password: _dropped, ...withoutPassword } = settings({ host: 'localhost', port: closedPort });
    expect(await call('admin', 'POST', VERIFY_URL, withoutPassword)).toEqual({
      status: 400,
      body: validation(
        'body.password',
        'must be entered again for a different host: the saved one is only sent to the saved host',
      ),
    });
    expect(await call('admin', 'POST', VERIFY_URL, { ...withoutPassword, password: 'typed-again' })).toMatchObject({
      status: 200,
      body: { ok: false, code: 'CONNECTION_REFUSED' },
    });
    expect(await call('admin', 'POST', VERIFY_URL, { port: 'x', secret: 1 })).toMatchObject({ status: 400 });
    expect(await savedRow()).toEqual(before);
  });

  it('records every change and test in the audit log, without secrets', async () => {
    const rows = await auditRows();
    const actions = rows.map((row) => row.action);
    expect(actions).toEqual([...Array(12).fill('smtp.update'), ...Array(9).fill('smtp.verify')]);
    expect(rows[0]).toEqual({
      action: 'smtp.update',
      actorId: fixture.admin.id,
      target: 'smtp_settings',
      details: {
        changed: ['host', 'port', 'security', 'username', 'fromAddress', 'fromName', 'adminAddress'],
        passwordChanged: true,
      },
    });
    expect(rows[1]?.details).toEqual({ changed: ['fromName'], passwordChanged: false });
    expect(rows.slice(12).map((row) => row.details)).toEqual([
      { ok: true, code: null, login: 'accepted', host: '127.0.0.1', port: sink.port, security: 'none' },
      { ok: true, code: null, login: 'accepted', host: '127.0.0.1', port: sink.port, security: 'none' },
      { ok: true, code: null, login: 'not_tested', host: '127.0.0.1', port: relay.port, security: 'none' },
      { ok: true, code: null, login: 'not_used', host: '127.0.0.1', port: relay.port, security: 'none' },
      { ok: false, code: 'AUTH_FAILED', login: null, host: '127.0.0.1', port: rejecting.port, security: 'none' },
      { ok: false, code: 'CONNECTION_REFUSED', login: null, host: '127.0.0.1', port: closedPort, security: 'none' },
      { ok: false, code: 'TLS_MODE_MISMATCH', login: null, host: '127.0.0.1', port: sink.port, security: 'tls' },
      {
        ok: false,
        code: 'STARTTLS_UNAVAILABLE',
        login: null,
        host: '127.0.0.1',
        port: sink.port,
        security: 'starttls',
      },
      { ok: false, code: 'CONNECTION_REFUSED', login: null, host: 'localhost', port: closedPort, security: 'none' },
    ]);
  });

  it('never puts the password in a reply, a log line or the audit log', async () => {
    expect(bodies.length).toBeGreaterThan(40);
    expect(bodies.filter((body) => body.includes(CANARY))).toEqual([]);
    expect(fixture.logs.filter((line) => line.includes(CANARY))).toEqual([]);
    expect(JSON.stringify(await auditRows())).not.toContain(CANARY);
  });
});
