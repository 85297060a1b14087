import { describe, expect, it } from 'vitest';
import { assertSmtpHostAllowed } from './host-guard.js';

describe('assertSmtpHostAllowed', () => {
  const refusal = (host: string, allowPrivate = false) =>
    assertSmtpHostAllowed(host, { allowPrivate, field: 'body.host' }).then(
      () => null,
      (error: { code: string; details: unknown }) => [error.code, error.details],
    );
  const refused = (message: string) => ['VALIDATION', [{ field: 'body.host', message }]];
  const internal = (host: string, kind: string) =>
    refused(`${host} resolves to a ${kind} address; only public mail servers are allowed (ALLOW_PRIVATE_SMTP is off)`);

  it.each([
    ['localhost', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['169.254.169.254', 'cloud metadata'],
    ['0.0.0.0', 'unspecified'],
  ])('refuses %s (%s) while private SMTP is not allowed', async (host, kind) => {
    expect(await refusal(host)).toEqual(internal(host, kind));
  });

  it.each(['metadata.google.internal', 'METADATA.google.internal.'])('refuses %s by name', async (host) => {
    expect(await refusal(host)).toEqual(refused(`${host} is a cloud metadata service, not a mail server`));
  });

  it.each(['localhost', '127.0.0.1', '10.1.2.3', '::1'])('allows %s with ALLOW_PRIVATE_SMTP', async (host) => {
    expect(await refusal(host, true)).toBeNull();
  });

  it('allows a public address', async () => {
    expect(await refusal('8.8.8.8')).toBeNull();
  });

  it.each([false, true])('refuses a host that does not resolve (private allowed: %s)', async (allowPrivate) => {
    expect(await refusal('no-such-host.invalid', allowPrivate)).toEqual(
      refused("no-such-host.invalid does not resolve: check the spelling of the mail server's name"),
    );
  });
});
