import { describe, expect, it } from 'vitest';
import { assertSmtpHostAllowed, forbiddenAddressKind } from './host-guard.js';

describe('forbiddenAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['::ffff:192.168.1.10', 'private'],
    ['fc00::1', 'private'],
    ['fdff:ffff::1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.100.100.201', 'private'],
    ['64:ff9b::7f00:1', 'private'],
    ['169.254.10.20', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'cloud metadata'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
  ])('%s is %s', (address, kind) => {
    expect(forbiddenAddressKind(address)).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '100.128.0.1',
    '100.63.255.255',
    '142.250.4.108',
    '2607:f8b0:4004:c07::6c',
    '::ffff:142.250.4.108',
  ])('%s is public', (address) => {
    expect(forbiddenAddressKind(address)).toBeNull();
  });

  it('refuses what is not an IP address', () => {
    expect(() => forbiddenAddressKind('smtp.example.com')).toThrow('not an IP address: smtp.example.com');
  });
});

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
