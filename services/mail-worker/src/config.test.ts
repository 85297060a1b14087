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
