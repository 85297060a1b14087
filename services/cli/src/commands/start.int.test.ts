import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailLine, readSmtpServer } from './prepare.js';
import { banner } from './start.js';

describe('the start banner says where mail goes now', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const env = { ADMIN_EMAIL: 'boss@shop.example', ADMIN_PASSWORD: 'set' };
  const mailOf = (text: string) => text.split('\n').filter((line) => /^ {2}(Mail|Outbox)/.test(line));

  it('names the outbox folder while no SMTP settings are saved', async () => {
    const mail = mailLine(await readSmtpServer(database.sql), '/srv/outbox');
    expect(mailOf(banner(env, 'http://127.0.0.1:3000', mail))).toEqual([
      '  Outbox         /srv/outbox   (mail goes here until SMTP is configured)',
    ]);
  });

  it('names the SMTP server, port and security once settings are saved', async () => {
    await database.sql`
      insert into reportmail.smtp_settings (host, port, security, from_address)
      values ('smtp.example.com', 587, 'starttls', 'reports@shop.example')`;
    const mail = mailLine(await readSmtpServer(database.sql), '/srv/outbox');
    expect(mailOf(banner(env, 'http://127.0.0.1:3000', mail))).toEqual([
      '  Mail → SMTP    smtp.example.com:587 (starttls)',
    ]);
  });
});
