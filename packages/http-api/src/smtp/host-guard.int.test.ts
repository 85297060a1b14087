import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANARY,
  type RecordingFixture,
  recordingFixture,
  SETTINGS_URL,
  VERIFY_URL,
  validation,
} from './recording-fixture.test-helper.js';

describe('SMTP settings: internal hosts while ALLOW_PRIVATE_SMTP is off', () => {
  let recording: RecordingFixture;
  const settings = (host: string) => ({
    host,
    port: 587,
    security: 'starttls',
    username: 'reports@shop.example',
    password: CANARY,
    fromAddress: 'reports@shop.example',
  });
  const internal = (host: string, kind: string) =>
    validation(
      'body.host',
      `${host} resolves to a ${kind} address; only public mail servers are allowed (ALLOW_PRIVATE_SMTP is off)`,
    );

  beforeAll(async () => {
    recording = await recordingFixture({ ALLOW_PRIVATE_SMTP: 'false', SENDS_PER_MINUTE: '100' });
  });
  afterAll(async () => recording.fixture.close());

  it.each([
    ['127.0.0.1', 'loopback'],
    ['localhost', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['169.254.169.254', 'cloud metadata'],
  ])('refuses to save %s (%s)', async (host, kind) => {
    expect(await recording.call('admin', 'PUT', SETTINGS_URL, settings(host))).toEqual({
      status: 400,
      body: internal(host, kind),
    });
  });

  it('refuses a metadata name and a host that does not resolve', async () => {
    expect(await recording.call('admin', 'PUT', SETTINGS_URL, settings('metadata.google.internal'))).toEqual({
      status: 400,
      body: validation('body.host', 'metadata.google.internal is a cloud metadata service, not a mail server'),
    });
    expect(await recording.call('admin', 'PUT', SETTINGS_URL, settings('no-such-host.invalid'))).toEqual({
      status: 400,
      body: validation(
        'body.host',
        "no-such-host.invalid does not resolve: check the spelling of the mail server's name",
      ),
    });
  });

  it('checks the host again when verifying, and needs a host while nothing is saved', async () => {
    expect(await recording.call('admin', 'POST', VERIFY_URL, settings('10.1.2.3'))).toEqual({
      status: 400,
      body: internal('10.1.2.3', 'private'),
    });
    expect(await recording.call('admin', 'POST', VERIFY_URL, {})).toEqual({
      status: 400,
      body: validation('body.host', 'is required: SMTP is not configured yet, so there are no saved settings to test'),
    });
  });

  it('saved nothing, audited nothing and never showed the password', async () => {
    expect((await recording.call('admin', 'GET', SETTINGS_URL)).status).toBe(404);
    expect(await recording.auditRows()).toEqual([]);
    expect(recording.bodies.filter((body) => body.includes(CANARY))).toEqual([]);
    expect(recording.fixture.logs.filter((line) => line.includes(CANARY))).toEqual([]);
  });
});

describe('SMTP settings: verify is rate-limited like sending', () => {
  let recording: RecordingFixture;

  beforeAll(async () => {
    recording = await recordingFixture({ SENDS_PER_MINUTE: '1' });
  });
  afterAll(async () => recording.fixture.close());

  it('allows one verify a minute here, then answers 429', async () => {
    expect((await recording.call('admin', 'POST', VERIFY_URL, {})).status).toBe(400);
    const limited = await recording.call('admin', 'POST', VERIFY_URL, {});
    expect([limited.status, limited.body.error]).toEqual([429, 'RATE_LIMITED']);
  });
});
