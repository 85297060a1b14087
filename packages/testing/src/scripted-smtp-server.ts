import { EventEmitter } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';

/**
 * A small real SMTP server on a loopback port (node:net) that fails a chosen stage of the next sessions.
 * It exists because smtp-server (behind smtp-sink.ts) has no hook for EHLO, none for the greeting and no
 * way to send a reply slowly. It speaks the greeting, EHLO (offering AUTH PLAIN LOGIN, no STARTTLS, no
 * PIPELINING: one command, one reply) and HELO, AUTH, MAIL, RCPT, DATA (dot-unstuffed up to CRLF.CRLF),
 * RSET, NOOP and QUIT, and otherwise accepts everything: 250, 354, 235.
 */

/** Where a session can be made to fail; `data` is the final reply, after the message data. */
export type SmtpStage = 'greeting' | 'ehlo' | 'auth' | 'mail' | 'rcpt' | 'data';
export const SMTP_STAGES: readonly SmtpStage[] = ['greeting', 'ehlo', 'auth', 'mail', 'rcpt', 'data'];

/**
 * What a session does at one stage: answer with `code` and `text` instead (at `ehlo` the HELO that
 * nodemailer falls back to gets it too; at `rcpt` every recipient does), or send its usual reply one byte
 * at a time. A 421 also closes the connection, as RFC 5321 4.2 has it.
 */
export type StageScript = { stage: SmtpStage } & ({ code: number; text: string } | { trickle: true });

export type ScriptedSession = {
  /** 1-based, in the order the connections came. */
  number: number;
  script: StageScript | null;
  /** Command verbs as received (AUTH with its mechanism, never the credentials). */
  commands: string[];
  openedAt: number;
  closedAt: number | null;
};

export type AcceptedMessage = {
  session: number;
  messageId: string | undefined;
  parsed: ParsedMail;
  envelope: { from: string; to: string[] };
  /** When the server took it (its reply may still be on its way, trickled). */
  acceptedAt: number;
};

export type ScriptedSmtpServer = {
  port: number;
  sessions: ScriptedSession[];
  accepted: AcceptedMessage[];
  /** Every DATA answered 354: the message data began. */
  dataAttempts: { session: number; at: number }[];
  logins: { username: string; password: string }[];
  /** The next `sessions` sessions not yet scripted follow `script`; later ones behave normally. */
  script: (script: StageScript, sessions?: number) => void;
  /** Sessions scripted that have not begun; `unscript` drops them (returning how many there were). */
  pending: () => number;
  unscript: () => number;
  /** Resolve when `count` sessions have begun, ended, or messages been taken, in total (events, not sleeps). */
  waitForSessions: (count: number) => Promise<void>;
  waitForClosed: (count: number) => Promise<void>;
  waitForMessages: (count: number) => Promise<AcceptedMessage[]>;
  close: () => Promise<void>;
};

/** `trickleMs`: between trickled bytes (default 1 s). */
export type ScriptedSmtpServerOptions = { trickleMs?: number };

type Session = {
  record: ScriptedSession;
  socket: Socket;
  input: Buffer;
  mode: 'command' | 'data' | 'auth-plain' | 'auth-login-user' | 'auth-login-pass' | 'refused';
  username: string;
  from: string | null;
  to: string[];
  data: Buffer[];
};

type Server = {
  record: Pick<ScriptedSmtpServer, 'accepted' | 'dataAttempts' | 'logins'>;
  changed: () => void;
  trickle: (socket: Socket, text: string) => void;
};

const EHLO = ['250-scripted.test', '250-8BITMIME', '250 AUTH PLAIN LOGIN'].join('\r\n');
const fromBase64 = (text: string) => Buffer.from(text, 'base64').toString('utf8');
const address = (argument: string) => /<([^>]*)>/.exec(argument)?.[1] ?? '';

function write(socket: Socket, text: string): void {
  if (!socket.destroyed) socket.write(`${text}\r\n`);
}

/** The stage's usual reply, or what the session's script says instead; true when it went as usual. */
function answer(server: Server, session: Session, stage: SmtpStage, usual: string): boolean {
  const { script } = session.record;
  if (script?.stage !== stage || 'trickle' in script) {
    if (script?.stage === stage) server.trickle(session.socket, usual);
    else write(session.socket, usual);
    return true;
  }
  write(session.socket, `${script.code} ${script.text}`);
  if (script.code === 421) session.socket.end();
  return false;
}

function challenge(session: Session, mode: Session['mode'], reply: string): void {
  session.mode = mode;
  write(session.socket, reply);
}

function login(server: Server, session: Session, username: string, password: string): void {
  session.mode = 'command';
  server.record.logins.push({ username, password });
  answer(server, session, 'auth', '235 2.7.0 Authentication successful');
}

/** `\0user\0password`, base64-encoded (RFC 4616). */
function plainLogin(server: Server, session: Session, encoded: string): void {
  const [, username = '', password = ''] = fromBase64(encoded).split('\u0000');
  login(server, session, username, password);
}

function authenticate(server: Server, session: Session, argument: string): void {
  const [mechanism = '', initial] = argument.split(' ');
  const upper = mechanism.toUpperCase();
  if (upper === 'PLAIN' && initial) plainLogin(server, session, initial);
  else if (upper === 'PLAIN') challenge(session, 'auth-plain', '334 ');
  else if (upper !== 'LOGIN') write(session.socket, '504 5.5.4 Unrecognized authentication type');
  else if (!initial) challenge(session, 'auth-login-user', '334 VXNlcm5hbWU6');
  else {
    session.username = fromBase64(initial);
    challenge(session, 'auth-login-pass', '334 UGFzc3dvcmQ6');
  }
}

/** A line answering an AUTH challenge (credentials, never recorded as a command). */
function authLine(server: Server, session: Session, line: string): void {
  if (line === '*') challenge(session, 'command', '501 5.0.0 Authentication cancelled');
  else if (session.mode === 'auth-plain') plainLogin(server, session, line);
  else if (session.mode === 'auth-login-pass') login(server, session, session.username, fromBase64(line));
  else {
    session.username = fromBase64(line);
    challenge(session, 'auth-login-pass', '334 UGFzc3dvcmQ6');
  }
}

const envelope = (): Pick<Session, 'from' | 'to' | 'data'> => ({ from: null, to: [], data: [] });

const COMMANDS: Record<string, (server: Server, session: Session, argument: string) => void> = {
  EHLO: (server, session) => answer(server, session, 'ehlo', EHLO),
  HELO: (server, session) => answer(server, session, 'ehlo', '250 scripted.test'),
  AUTH: authenticate,
  MAIL: (server, session, argument) => {
    if (answer(server, session, 'mail', '250 2.1.0 Ok')) session.from = address(argument);
  },
  RCPT: (server, session, argument) => {
    if (session.from === null) write(session.socket, '503 5.5.1 MAIL first');
    else if (answer(server, session, 'rcpt', '250 2.1.5 Ok')) session.to.push(address(argument));
  },
  DATA: (server, session) => {
    if (session.to.length === 0) write(session.socket, '554 5.5.1 No valid recipients');
    else {
      server.record.dataAttempts.push({ session: session.record.number, at: Date.now() });
      challenge(session, 'data', '354 End data with <CR><LF>.<CR><LF>');
    }
  },
  RSET: (_server, session) => {
    Object.assign(session, envelope());
    write(session.socket, '250 2.0.0 Ok');
  },
  NOOP: (_server, session) => write(session.socket, '250 2.0.0 Ok'),
  QUIT: (_server, session) => {
    write(session.socket, '221 2.0.0 Bye');
    session.socket.end();
  },
};

function command(server: Server, session: Session, line: string): void {
  const verb = (line.split(' ')[0] ?? '').toUpperCase();
  const argument = line.slice(verb.length).trim();
  session.record.commands.push(verb === 'AUTH' ? `AUTH ${argument.split(' ')[0]?.toUpperCase()}` : verb);
  const handler = COMMANDS[verb];
  // After a refused greeting only QUIT is answered in earnest (RFC 5321 3.1).
  if (session.mode === 'refused' && verb !== 'QUIT') write(session.socket, '503 5.5.1 Bad sequence of commands');
  else if (handler) handler(server, session, argument);
  else write(session.socket, '502 5.5.2 Command not recognized');
}

/** The message data has ended: refused as scripted, or parsed, recorded as taken, then answered. */
async function endOfData(server: Server, session: Session): Promise<void> {
  const raw = Buffer.concat(session.data);
  const taken = { from: session.from ?? '', to: session.to };
  Object.assign(session, envelope(), { mode: 'command' });
  const { script } = session.record;
  if (script?.stage === 'data' && 'code' in script) {
    answer(server, session, 'data', '');
    return;
  }
  const parsed = await simpleParser(raw);
  server.record.accepted.push({
    session: session.record.number,
    messageId: parsed.messageId,
    parsed,
    envelope: taken,
    acceptedAt: Date.now(),
  });
  server.changed();
  answer(server, session, 'data', '250 2.0.0 Ok: queued');
}

function onData(server: Server, session: Session, chunk: Buffer): void {
  session.input = Buffer.concat([session.input, chunk]);
  for (let end = session.input.indexOf('\r\n'); end >= 0; end = session.input.indexOf('\r\n')) {
    const line = session.input.subarray(0, end);
    session.input = session.input.subarray(end + 2);
    if (session.mode.startsWith('auth-')) authLine(server, session, line.toString('utf8'));
    else if (session.mode !== 'data') command(server, session, line.toString('utf8'));
    else if (line.equals(Buffer.from('.'))) void endOfData(server, session).catch(() => session.socket.destroy());
    // Dot-unstuffing (RFC 5321 4.5.2): a line the client began with a dot had one added.
    else session.data.push(line[0] === 0x2e ? line.subarray(1) : line, Buffer.from('\r\n'));
  }
}

/** A change to what the server recorded, and a wait for a condition on it (events, never sleeps). */
function changeEvents() {
  const events = new EventEmitter().setMaxListeners(0);
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!ready()) return;
        events.off('change', check);
        resolve();
      };
      events.on('change', check);
      check();
    });
  return { changed: () => void events.emit('change'), until };
}

/** Writes `text` and its CRLF one byte every `everyMs` while the connection lasts. */
function trickler(everyMs: number, timers: Set<NodeJS.Timeout>) {
  return (socket: Socket, text: string) => {
    const bytes = Buffer.from(`${text}\r\n`);
    let next = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || next >= bytes.length) {
        clearInterval(timer);
        timers.delete(timer);
      } else {
        socket.write(bytes.subarray(next, next + 1));
        next += 1;
      }
    }, everyMs);
    timers.add(timer);
  };
}

/** A new connection: the next script (if any), the greeting, and the session's record. */
function openSession(server: Server, socket: Socket, sessions: ScriptedSession[], scripts: StageScript[]): void {
  const record: ScriptedSession = {
    number: sessions.length + 1,
    script: scripts.shift() ?? null,
    commands: [],
    openedAt: Date.now(),
    closedAt: null,
  };
  const session: Session = { record, socket, input: Buffer.alloc(0), mode: 'command', username: '', ...envelope() };
  sessions.push(record);
  // A client that gives up mid-reply resets the connection: expected here, not a failure.
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => onData(server, session, chunk));
  socket.on('close', () => {
    record.closedAt = Date.now();
    server.changed();
  });
  if (!answer(server, session, 'greeting', '220 scripted.test ESMTP')) session.mode = 'refused';
  server.changed();
}

/** A real SMTP server on 127.0.0.1 (a free port) whose next sessions fail at a stage, as scripted. */
export async function createScriptedSmtpServer(options: ScriptedSmtpServerOptions = {}): Promise<ScriptedSmtpServer> {
  const sessions: ScriptedSession[] = [];
  const scripts: StageScript[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const { changed, until } = changeEvents();
  const taken: Server['record'] = { accepted: [], dataAttempts: [], logins: [] };
  const server: Server = { record: taken, changed, trickle: trickler(options.trickleMs ?? 1_000, timers) };
  const listener = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    openSession(server, socket, sessions, scripts);
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    port: (listener.address() as AddressInfo).port,
    sessions,
    ...taken,
    script: (script, count = 1) => scripts.push(...Array.from({ length: count }, () => script)),
    pending: () => scripts.length,
    unscript: () => scripts.splice(0).length,
    waitForSessions: (count) => until(() => sessions.length >= count),
    waitForClosed: (count) => until(() => sessions.filter((session) => session.closedAt !== null).length >= count),
    waitForMessages: (count) => until(() => taken.accepted.length >= count).then(() => [...taken.accepted]),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
