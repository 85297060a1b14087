import {
  createScriptedSmtpServer,
  createSmtpSink,
  type ScriptedSmtpServer,
  type SmtpSink,
  type SmtpStage,
} from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMessage, messageIdFor, type OutgoingMessage } from './compose.js';
import { SendFailure, sendComposed } from './send.js';
import type { SmtpSettings } from './settings.js';

const message: OutgoingMessage = {
  from: { name: 'Shop Reports', address: 'reports@shop.example' },
  to: ['owner@shop.example'],
  cc: ['books@shop.example'],
  bcc: ['audit@shop.example'],
  subject: 'Daily Sales Report - Mar 2, 2026',
  html: '<p>Total <b>₱3,715.00</b></p>',
  text: 'Total ₱3,715.00',
  messageId: messageIdFor('8d3c5a56-50a4-4f5c-9d1e-7a0d3e0f8c11', 'reports@shop.example'),
  headers: { 'X-Reportmail-Delivery-Id': '8d3c5a56-50a4-4f5c-9d1e-7a0d3e0f8c11' },
  attachments: [
    {
      filename: 'Sales_Report_2026_03_02.xlsx',
      contentType: 'application/octet-stream',
      content: Buffer.from('PK\u0003\u0004 bytes'),
    },
  ],
};

describe('sendComposed over real SMTP', () => {
  let sink: SmtpSink;
  let settings: SmtpSettings;
  const timeouts = { connectionMs: 1_000, greetingMs: 1_000, socketMs: 400 };
  const send = async (override: Partial<OutgoingMessage> = {}) =>
    sendComposed(settings, await composeMessage({ ...message, ...override }), { timeouts });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof SendFailure ? error.failure : error),
    );

  beforeAll(async () => {
    sink = await createSmtpSink();
    settings = {
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      username: null,
      password: null,
      fromAddress: 'reports@shop.example',
      fromName: 'Shop Reports',
      adminAddress: null,
    };
  });
  afterAll(() => sink.close());

  it('delivers to To, Cc and Bcc with Bcc kept out of the headers and a stable Message-ID', async () => {
    const sent = await send();
    expect(sent.accepted).toEqual(['owner@shop.example', 'books@shop.example', 'audit@shop.example']);
    expect(sent.rejected).toEqual([]);
    const [mail] = await sink.waitForMessages(1);
    expect(mail?.envelope).toEqual({
      from: 'reports@shop.example',
      to: ['owner@shop.example', 'books@shop.example', 'audit@shop.example'],
    });
    expect(mail?.parsed.messageId).toBe('<8d3c5a56-50a4-4f5c-9d1e-7a0d3e0f8c11@shop.example>');
    expect(mail?.parsed.headers.has('bcc')).toBe(false);
    expect(mail?.parsed.headers.get('x-reportmail-delivery-id')).toBe('8d3c5a56-50a4-4f5c-9d1e-7a0d3e0f8c11');
    expect(mail?.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['Sales_Report_2026_03_02.xlsx', 'PK\u0003\u0004 bytes'],
    ]);
  });

  it('runs beforeData once the server accepted DATA, before any byte of the message', async () => {
    const attemptsBefore = sink.attempts();
    const receivedBefore = sink.received.length;
    const seen: { dataCommands: number; received: number }[] = [];
    await sendComposed(settings, await composeMessage(message), {
      beforeData: async () => {
        seen.push({ dataCommands: sink.attempts() - attemptsBefore, received: sink.received.length - receivedBefore });
      },
    });
    expect(seen).toEqual([{ dataCommands: 1, received: 0 }]);
    expect(sink.received.length - receivedBefore).toBe(1);
  });

  it('sends no message data when beforeData fails: nothing arrives, and it may be tried again', async () => {
    const receivedBefore = sink.received.length;
    const failure = await failureOf(
      sendComposed(settings, await composeMessage(message), {
        timeouts,
        beforeData: async () => {
          throw new Error('the ledger could not record it');
        },
      }),
    );
    expect(failure).toMatchObject({ kind: 'transient' });
    expect(sink.received.length).toBe(receivedBefore);
  });

  it('keeps one Subject header when the subject carries a line break', async () => {
    const before = sink.received.length;
    await send({ subject: 'Report\r\nBcc: thief@evil.example' });
    const [mail] = (await sink.waitForMessages(before + 1)).slice(before);
    expect(mail?.envelope.to).not.toContain('thief@evil.example');
    expect(mail?.parsed.subject).toBe('Report Bcc: thief@evil.example');
  });

  it('reports partly rejected recipients and still delivers to the others', async () => {
    sink.rejectRecipients(['books@shop.example']);
    try {
      const sent = await send();
      expect([sent.accepted, sent.rejected]).toEqual([
        ['owner@shop.example', 'audit@shop.example'],
        ['books@shop.example'],
      ]);
    } finally {
      sink.rejectRecipients([]);
    }
  });

  it('classifies every recipient rejected as permanent', async () => {
    sink.rejectRecipients(['owner@shop.example']);
    try {
      expect(await failureOf(send({ cc: [], bcc: [] }))).toMatchObject({ kind: 'permanent' });
    } finally {
      sink.rejectRecipients([]);
    }
  });

  it.each([
    [{ code: 421, message: 'Try again later' }, 'transient', 'SMTP 421: 421 Try again later'],
    [{ code: 451, message: 'Local error' }, 'transient', 'SMTP 451: 451 Local error'],
    [{ code: 550, message: 'Mailbox unavailable' }, 'permanent', 'SMTP 550: 550 Mailbox unavailable'],
    [{ code: 554, message: 'Rejected as spam' }, 'permanent', 'SMTP 554: 554 Rejected as spam'],
  ] as const)('classifies a %o reply to the data as %s', async (reply, kind, text) => {
    sink.script([reply]);
    expect(await failureOf(send())).toEqual({ kind, message: text });
  });

  it('records silence after the data went out as unknown (it may have been delivered)', async () => {
    sink.script(['no-reply']);
    expect(await failureOf(send())).toMatchObject({
      kind: 'unknown',
      message: expect.stringMatching(/after the message data was sent/),
    });
  });

  it('classifies a refused connection as transient', async () => {
    const closed = await createSmtpSink();
    await closed.close();
    const failure = await failureOf(
      sendComposed({ ...settings, port: closed.port }, await composeMessage(message), { timeouts }),
    );
    expect(failure).toMatchObject({ kind: 'transient', message: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe('sendComposed against a server that trickles a reply (a byte every 100 ms)', () => {
  let server: ScriptedSmtpServer;
  // The inactivity timeout is never reached: a byte comes every 100 ms.
  const timeouts = { connectionMs: 1_000, greetingMs: 500, socketMs: 400, sessionMs: 1_200 };
  beforeAll(async () => {
    server = await createScriptedSmtpServer({ trickleMs: 100 });
  });
  afterAll(() => server.close());

  const trickled = async (stage: SmtpStage) => {
    server.script({ stage, trickle: true });
    const settings: SmtpSettings = {
      ...{ host: '127.0.0.1', port: server.port, security: 'none', username: null, password: null },
      ...{ fromAddress: 'reports@shop.example', fromName: 'Shop Reports', adminAddress: null },
    };
    const started = Date.now();
    const failure = await sendComposed(settings, await composeMessage(message), { timeouts }).then(
      () => null,
      (error: unknown) => (error instanceof SendFailure ? error.failure : error),
    );
    return { failure, elapsedMs: Date.now() - started };
  };

  it('fails a trickled greeting at greetingMs: nodemailer’s greeting timer is not restarted by bytes', async () => {
    const { failure, elapsedMs } = await trickled('greeting');
    expect(failure).toEqual({ kind: 'transient', message: 'ETIMEDOUT: Greeting never received' });
    // The whole greeting would take 2.5 s to arrive.
    expect(elapsedMs).toBeGreaterThanOrEqual(500);
    expect(elapsedMs).toBeLessThan(1_200);
  });

  it('ends a session still waiting for a trickled reply to MAIL at its deadline: transient, no data sent', async () => {
    const attempts = server.dataAttempts.length;
    const { failure, elapsedMs } = await trickled('mail');
    expect(failure).toEqual({
      kind: 'transient',
      message: 'ETIMEDOUT: SMTP session still running after its 1200 ms deadline',
    });
    expect(elapsedMs).toBeGreaterThanOrEqual(1_200);
    expect(server.dataAttempts.length).toBe(attempts);
  });

  it('ends a session whose final reply is trickled at its deadline: unknown, the server has the message', async () => {
    const accepted = server.accepted.length;
    const { failure, elapsedMs } = await trickled('data');
    expect(failure).toEqual({
      kind: 'unknown',
      message: 'ETIMEDOUT: SMTP session still running after its 1200 ms deadline (after the message data was sent)',
    });
    expect(elapsedMs).toBeLessThan(2_200);
    expect(server.accepted.length).toBe(accepted + 1);
    // The connection is gone at once (the trickle stops with it).
    const failedAt = Date.now();
    await server.waitForClosed(server.sessions.length);
    expect((server.sessions.at(-1)?.closedAt ?? Number.POSITIVE_INFINITY) - failedAt).toBeLessThan(500);
  });
});
