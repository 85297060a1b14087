import { resolve } from 'node:path';
import { generateKeyEntry } from '@reportmail/secrets';
import { describe, expect, it } from 'vitest';
import { loadMailWorkerConfig } from './config.js';

const REQUIRED = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/reportmail', SECRETS_KEY: generateKeyEntry('k1') };

describe('OUTBOX_DIR', () => {
  it.each([
    [undefined, resolve(process.cwd(), 'var/outbox')],
    ['', resolve(process.cwd(), 'var/outbox')],
    ['mail/out', resolve(process.cwd(), 'mail/out')],
    ['/srv/reportmail/outbox', '/srv/reportmail/outbox'],
  ])('%j is read as %s (absolute, against the working directory)', (value, expected) => {
    expect(loadMailWorkerConfig({ ...REQUIRED, OUTBOX_DIR: value }).OUTBOX_DIR).toBe(expected);
  });
});

describe('MAIL_RETRY_DELAY_MS and SMTP_SEND_DEADLINE_MS', () => {
  it('default to the 10 s retry base and a 5-minute session', () => {
    const config = loadMailWorkerConfig(REQUIRED);
    expect([config.MAIL_RETRY_DELAY_MS, config.SMTP_SEND_DEADLINE_MS]).toEqual([10_000, 300_000]);
  });

  it('take short values for tests and fault runs', () => {
    const config = loadMailWorkerConfig({ ...REQUIRED, MAIL_RETRY_DELAY_MS: '200', SMTP_SEND_DEADLINE_MS: '4000' });
    expect([config.MAIL_RETRY_DELAY_MS, config.SMTP_SEND_DEADLINE_MS]).toEqual([200, 4_000]);
  });

  it.each([
    ['MAIL_RETRY_DELAY_MS', '50'],
    ['MAIL_RETRY_DELAY_MS', '600001'],
    ['SMTP_SEND_DEADLINE_MS', '999'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadMailWorkerConfig({ ...REQUIRED, [name]: value })).toThrow(name);
  });
});
