import { describe, expect, it } from 'vitest';
import type { SmtpSettingsRow } from '../smtp/settings-store.js';
import { deliveryErrorHint, OUTBOX_HINT, UNKNOWN_OUTCOME_HINT } from './error-hint.js';

const smtp: SmtpSettingsRow = {
  id: 1,
  host: 'smtp.shop.example',
  port: 587,
  security: 'starttls',
  username: 'reports@shop.example',
  passwordCiphertext: 'v1:k1:ciphertext',
  fromAddress: 'reports@shop.example',
  fromName: 'Reports',
  adminAddress: null,
  updatedAt: new Date('2026-03-01T00:00:00Z'),
  updatedBy: null,
};
const TLS_PORTS = 'port 465 uses implicit TLS (security: tls); ports 587 and 25 use STARTTLS (security: starttls)';
const AUTH =
  'The server rejected the username or password. Check both; providers with two-step sign-in (Gmail, Google ' +
  'Workspace, Outlook) need an app password, and some need SMTP AUTH switched on for the mailbox.';

describe('deliveryErrorHint', () => {
  // Messages as the mail worker writes them (packages/mailer classifySmtpError, outbox errors, give-up suffix).
  it.each([
    ['failed', null, null],
    ['failed', 'SMTP 535: 535 5.7.8 Username and Password not accepted', AUTH],
    [
      'failed',
      'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525 (gave up after 8 attempts)',
      `Nothing accepts connections on smtp.shop.example:587: check the host and the port (${TLS_PORTS}).`,
    ],
    [
      'failed',
      'EDNS: getaddrinfo ENOTFOUND smtp.shop.example',
      "smtp.shop.example does not resolve: check the spelling of the mail server's name.",
    ],
    [
      'failed',
      'SMTP 550: 550 5.1.1 Mailbox unavailable',
      'The server refused the session (550); its message below says why.',
    ],
    ['sending', 'SMTP 421: 421 Busy', 'The server refused the session (421); its message below says why.'],
    ['unknown', 'ECONNRESET: socket hang up (after the message data was sent)', UNKNOWN_OUTCOME_HINT],
    ['failed', "Outbox: EACCES: permission denied, open '/srv/outbox/x.eml.tmp'", OUTBOX_HINT],
    ['failed', 'Delivery 0b7c… has no "to" recipient', null],
  ] as const)('%s with %j → %j', (status, errorMessage, hint) => {
    expect(deliveryErrorHint({ status, errorMessage }, smtp)).toBe(hint);
  });

  it('says the settings’ own words: no password saved, another port', () => {
    const noPassword = { ...smtp, passwordCiphertext: null };
    expect(deliveryErrorHint({ status: 'failed', errorMessage: 'EAUTH: Missing credentials' }, noPassword)).toBe(
      'A username is set but no password: enter the password for the mail account.',
    );
    const onTls = { ...smtp, port: 465, security: 'tls' as const };
    expect(
      deliveryErrorHint({ status: 'failed', errorMessage: 'ESOCKET: connect ECONNREFUSED 10.0.0.5:465' }, onTls),
    ).toBe(`Nothing accepts connections on smtp.shop.example:465: check the host and the port (${TLS_PORTS}).`);
  });

  it('gives no mail-server hint once no mail server is configured (mail goes to the outbox)', () => {
    expect(deliveryErrorHint({ status: 'failed', errorMessage: 'SMTP 535: 535 denied' }, null)).toBeNull();
    expect(deliveryErrorHint({ status: 'failed', errorMessage: 'Outbox: ENOSPC: no space left' }, null)).toBe(
      OUTBOX_HINT,
    );
  });
});
