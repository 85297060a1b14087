import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpSink, type SmtpSink } from './smtp-sink.js';

describe('createSmtpSink', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await createSmtpSink();
  });
  afterAll(() => sink.close());

  const transport = () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      socketTimeout: 1_000,
    });
  const message = { from: 'reports@shop.example', to: 'owner@shop.example', subject: 'Hi', text: 'Total ₱1,234.50' };

  it('receives and parses a real message', async () => {
    await transport().sendMail(message);
    const [mail] = await sink.waitForMessages(1);
    expect([mail?.parsed.subject, mail?.parsed.text?.trim(), mail?.envelope.to]).toEqual([
      'Hi',
      'Total ₱1,234.50',
      ['owner@shop.example'],
    ]);
  });

  it('answers with scripted SMTP replies, then accepts', async () => {
    sink.script([
      { code: 421, message: 'Try again later' },
      { code: 550, message: 'No such user' },
    ]);
    await expect(transport().sendMail(message)).rejects.toMatchObject({ responseCode: 421 });
    await expect(transport().sendMail(message)).rejects.toMatchObject({ responseCode: 550 });
    await transport().sendMail(message);
    expect((await sink.waitForMessages(2)).length).toBe(2);
  });

  it('can stay silent after the data, like a connection lost before the reply', async () => {
    sink.script(['no-reply']);
    // nodemailer labels this timeout 'CONN' even though the data was sent: senders must track it.
    await expect(transport().sendMail(message)).rejects.toMatchObject({ code: 'ETIMEDOUT', command: 'CONN' });
    expect(sink.attempts()).toBe(5);
  });
});
