import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** How the sink answers the next message: accept it, refuse it with an SMTP reply, or never answer. */
export type SinkReply = 'accept' | { code: number; message: string } | 'no-reply';

/** A message the sink accepted, with when it accepted it (ms since the epoch). */
export type ReceivedMail = { parsed: ParsedMail; envelope: { from: string; to: string[] }; receivedAt: number };

export type SmtpSink = {
  port: number;
  /** Every message accepted so far, in order. */
  received: ReceivedMail[];
  /** SMTP DATA attempts seen, accepted or not. */
  attempts: () => number;
  /** When each DATA attempt began (ms since the epoch), for backoff checks. */
  attemptTimes: () => number[];
  /** Resolves when `count` DATA attempts have begun in total. */
  waitForAttempts: (count: number) => Promise<void>;
  /** Recipients refused at RCPT TO with 550 from now on. */
  rejectRecipients: (addresses: string[]) => void;
  /** Every AUTH attempt seen (username and password as the client sent them), accepted or not. */
  logins: { username: string; password: string }[];
  /** Replies for the next messages, in order; once used up, messages are accepted. */
  script: (replies: SinkReply[]) => void;
  /** Resolves when `count` messages have been accepted in total (an event, never a sleep). */
  waitForMessages: (count: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
};

export type SmtpSinkOptions = {
  /** When set, only this login is accepted; any other gets `535 5.7.8` as real providers answer. */
  credentials?: { username: string; password: string };
  /** False: the server offers no AUTH at all (a relay that takes mail from anyone on its network). */
  auth?: boolean;
};

/** A real SMTP server on a loopback port for tests; what arrives is parsed with mailparser. */
export async function createSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: (mails: ReceivedMail[]) => void }[] = [];
  let replies: SinkReply[] = [];
  const attemptTimes: number[] = [];
  const attemptWaiters: { count: number; resolve: () => void }[] = [];
  let rejected = new Set<string>();
  const logins: SmtpSink['logins'] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: options.auth === false ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    logger: false,
    // Reverse DNS of 127.0.0.1 costs ~100 ms per connection on some machines.
    disableReverseLookup: true,
    // Logins over plain text are what tests of `security: none` need.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => {
      const login = { username: auth.username ?? '', password: auth.password ?? '' };
      logins.push(login);
      const expected = options.credentials;
      if (!expected || (login.username === expected.username && login.password === expected.password)) {
        return callback(null, { user: login.username });
      }
      callback(Object.assign(new Error('5.7.8 Username and Password not accepted'), { responseCode: 535 }));
    },
    onRcptTo: (address, _session, callback) => {
      if (!rejected.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error(`No such user here: ${address.address}`), { responseCode: 550 }));
    },
    onData: (stream, session, callback) => {
      attemptTimes.push(Date.now());
      for (const waiter of attemptWaiters.filter((w) => attemptTimes.length >= w.count)) waiter.resolve();
      const reply = replies.shift() ?? 'accept';
      simpleParser(stream)
        .then((parsed) => {
          if (reply === 'no-reply') return;
          if (reply !== 'accept')
            return callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({
            parsed,
            envelope: { from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) },
            receivedAt: Date.now(),
          });
          for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve([...received]);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // A client that dies mid-session resets its connection: expected in fault tests, not a test failure.
  const unexpected: Error[] = [];
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') unexpected.push(error);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    attempts: () => attemptTimes.length,
    attemptTimes: () => [...attemptTimes],
    waitForAttempts: (count) =>
      attemptTimes.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => attemptWaiters.push({ count, resolve })),
    logins,
    rejectRecipients: (addresses) => {
      rejected = new Set(addresses.map((address) => address.toLowerCase()));
    },
    script: (next) => {
      replies = [...next];
    },
    waitForMessages: (count) =>
      received.length >= count
        ? Promise.resolve([...received])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (unexpected.length > 0) throw new Error(`SMTP sink errors: ${unexpected.map((e) => e.message).join('; ')}`);
    },
  };
}
