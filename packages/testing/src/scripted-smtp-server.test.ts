import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptedSmtpServer, type ScriptedSmtpServer } from './scripted-smtp-server.js';

describe('createScriptedSmtpServer', () => {
  let server: ScriptedSmtpServer;
  beforeAll(async () => {
    server = await createScriptedSmtpServer({ trickleMs: 5 });
  });
  afterAll(() => server.close());

  const send = (text = 'Total ₱1,234.50') =>
    nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: server.port,
        secure: false,
        ignoreTLS: true,
        auth: { user: 'reports@shop.example', pass: 'secret' },
        socketTimeout: 2_000,
      })
      .sendMail({
        from: 'reports@shop.example',
        to: 'owner@shop.example',
        subject: 'Hi',
        text,
        messageId: '<m1@shop>',
      });

  it('logs in, takes a message with its dots unstuffed and records the session', async () => {
    await send('.leading dot\r\n..two\r\nend');
    const [mail] = await server.waitForMessages(1);
    expect([mail?.messageId, mail?.envelope, mail?.parsed.text?.trim()]).toEqual([
      '<m1@shop>',
      { from: 'reports@shop.example', to: ['owner@shop.example'] },
      '.leading dot\n..two\nend',
    ]);
    await server.waitForClosed(1);
    expect(server.logins).toEqual([{ username: 'reports@shop.example', password: 'secret' }]);
    expect(server.sessions[0]?.commands).toEqual(['EHLO', 'AUTH PLAIN', 'MAIL', 'RCPT', 'DATA']);
    expect(server.dataAttempts.map((attempt) => attempt.session)).toEqual([1]);
  });

  it('answers a stage as scripted for the next sessions, then normally', async () => {
    server.script({ stage: 'rcpt', code: 452, text: '4.5.3 Too many recipients' }, 2);
    await expect(send()).rejects.toMatchObject({ responseCode: 452, command: 'RCPT TO' });
    await expect(send()).rejects.toMatchObject({ responseCode: 452 });
    expect(server.pending()).toBe(0);
    await send();
    expect((await server.waitForMessages(2)).map((mail) => mail.session)).toEqual([1, 4]);
  });

  it('refuses EHLO and the HELO nodemailer falls back to', async () => {
    server.script({ stage: 'ehlo', code: 550, text: '5.7.1 Go away' });
    await expect(send()).rejects.toMatchObject({ responseCode: 550, command: 'HELO' });
    expect(server.sessions.at(-1)?.commands).toEqual(['EHLO', 'HELO']);
  });

  it('refuses the message after its data, counting the DATA attempt', async () => {
    const attempts = server.dataAttempts.length;
    server.script({ stage: 'data', code: 554, text: '5.6.0 Rejected' });
    await expect(send()).rejects.toMatchObject({ responseCode: 554, command: 'DATA' });
    expect([server.dataAttempts.length - attempts, server.accepted.length]).toEqual([1, 2]);
  });

  it('trickles a reply one byte at a time', async () => {
    server.script({ stage: 'greeting', trickle: true });
    const socket = connect(server.port, '127.0.0.1');
    const chunks: string[] = [];
    await new Promise<void>((resolve) =>
      socket.on('data', (chunk) => {
        chunks.push(chunk.toString());
        if (chunk.toString().endsWith('\n')) resolve();
      }),
    );
    socket.destroy();
    expect(chunks.join('')).toBe('220 scripted.test ESMTP\r\n');
    expect(chunks.length).toBeGreaterThan(10);
  });
});
