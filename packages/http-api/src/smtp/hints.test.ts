import { describe, expect, it } from 'vitest';
import { type HintSettings, smtpVerifyHint } from './hints.js';

const settings = (overrides: Partial<HintSettings> = {}): HintSettings => ({
  host: 'smtp.shop.example',
  port: 587,
  security: 'starttls',
  username: 'reports@shop.example',
  password: 'hunter2-canary',
  ...overrides,
});

const TLS_PORTS = 'port 465 uses implicit TLS (security: tls); ports 587 and 25 use STARTTLS (security: starttls)';

// Shapes nodemailer 10 really produces (captured from verify() against smtp-server and plain sockets).
const errors = {
  authRejected: {
    message: 'Invalid login: 535 5.7.8 Username and Password not accepted',
    code: 'EAUTH',
    response: '535 5.7.8 Username and Password not accepted',
    responseCode: 535,
    command: 'AUTH PLAIN',
  },
  gmailAppPassword: {
    message: 'Invalid login: 534-5.7.9 Application-specific password required.',
    code: 'EAUTH',
    response:
      '534-5.7.9 Application-specific password required. https://support.google.com/mail/?p=InvalidSecondFactor',
    responseCode: 534,
    command: 'AUTH PLAIN',
  },
  missingPassword: { message: 'Missing credentials for "PLAIN"', code: 'EAUTH', command: 'API' },
  refused: {
    message: 'connect ECONNREFUSED 127.0.0.1:46091',
    errno: -111,
    code: 'ESOCKET',
    syscall: 'connect',
    originalCode: 'ECONNREFUSED',
    command: 'CONN',
  },
  tlsToPlain: {
    message: '805CA380907F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c:350:\n',
    library: 'SSL routines',
    reason: 'wrong version number',
    code: 'ESOCKET',
    originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
    command: 'CONN',
  },
  noStarttls: {
    message: 'Error upgrading connection with STARTTLS: 500 Error: command not recognized',
    code: 'ETLS',
    response: '500 Error: command not recognized',
    responseCode: 500,
    command: 'STARTTLS',
  },
  selfSigned: {
    message: 'self-signed certificate',
    code: 'ESOCKET',
    originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    command: 'CONN',
  },
  // Node's checkServerIdentity error, as nodemailer passes it on (its code kept as originalCode).
  otherName: {
    message:
      "Hostname/IP does not match certificate's altnames: Host: smtp.shop.example. is not in the cert's altnames: DNS:mail.example.net",
    reason: "Host: smtp.shop.example. is not in the cert's altnames: DNS:mail.example.net",
    code: 'ESOCKET',
    originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
    command: 'CONN',
  },
  greetingTimeout: {
    message: 'Greeting never received',
    timeoutType: 'GREETING_TIMEOUT',
    code: 'ETIMEDOUT',
    command: 'CONN',
  },
  socketTimeout: { message: 'Timeout', timeoutType: 'SOCKET_TIMEOUT', code: 'ETIMEDOUT', command: 'CONN' },
  connectTimeout: {
    message: 'Connection timeout',
    timeoutType: 'CONNECT_TIMEOUT',
    code: 'ETIMEDOUT',
    command: 'CONN',
  },
  notFound: {
    message: 'getaddrinfo ENOTFOUND nonexistent.invalid',
    errno: -3008,
    code: 'EDNS',
    syscall: 'getaddrinfo',
    hostname: 'nonexistent.invalid',
    originalCode: 'ENOTFOUND',
    command: 'CONN',
  },
  reset: { message: 'read ECONNRESET', code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' },
  closed: { message: 'Connection closed unexpectedly', code: 'ECONNECTION', command: 'CONN' },
  tempFailure: {
    message: 'Server terminates connection. response=421 Too many connections: 421 Too many connections',
    code: 'ECONNECTION',
    response: '421 Too many connections',
    responseCode: 421,
    command: 'EHLO',
  },
  unreachable: { message: 'connect EHOSTUNREACH 203.0.113.9:587', code: 'ESOCKET', originalCode: 'EHOSTUNREACH' },
};

describe('smtpVerifyHint', () => {
  it.each([
    ['a 535 login refusal', errors.authRejected, {}, 'AUTH_FAILED'],
    ["Gmail's 534 app password demand", errors.gmailAppPassword, {}, 'AUTH_FAILED'],
    ['a refused connection', errors.refused, {}, 'CONNECTION_REFUSED'],
    ['tls against a plain server', errors.tlsToPlain, { security: 'tls' }, 'TLS_MODE_MISMATCH'],
    ['starttls against a server without it', errors.noStarttls, {}, 'STARTTLS_UNAVAILABLE'],
    ['a self-signed certificate', errors.selfSigned, { port: 465, security: 'tls' }, 'CERTIFICATE'],
    ['starttls on 465: no greeting', errors.greetingTimeout, { port: 465 }, 'TLS_MODE_MISMATCH'],
    ['none on 465: silence', errors.socketTimeout, { port: 465, security: 'none' }, 'TLS_MODE_MISMATCH'],
    ['no greeting on another port', errors.greetingTimeout, { port: 2525, security: 'none' }, 'TLS_MODE_MISMATCH'],
    ['tls on 587 that never connects', errors.connectTimeout, { security: 'tls' }, 'TLS_MODE_MISMATCH'],
    ['a connection timeout', errors.connectTimeout, {}, 'TIMEOUT'],
    ['tls on 465 that never connects', errors.connectTimeout, { port: 465, security: 'tls' }, 'TIMEOUT'],
    ['an unreachable host', errors.unreachable, {}, 'TIMEOUT'],
    ['a host that does not resolve', errors.notFound, {}, 'HOST_NOT_FOUND'],
    ['tls on 587 reset', errors.reset, { security: 'tls' }, 'TLS_MODE_MISMATCH'],
    ['a reset on 587 with starttls', errors.reset, {}, 'CONNECTION_CLOSED'],
    ['a closed connection', errors.closed, { port: 2525 }, 'CONNECTION_CLOSED'],
    ['a 421 at EHLO', errors.tempFailure, {}, 'SERVER_REJECTED'],
    ['something else', new Error('boom'), {}, 'UNKNOWN'],
    ['a thrown string', 'boom', {}, 'UNKNOWN'],
  ] as const)('%s → %s', (_, error, overrides, code) => {
    expect(smtpVerifyHint(error, settings(overrides)).code).toBe(code);
  });

  it.each([
    ['a refused login', 'AUTH_FAILED', 'password', errors.authRejected, {}],
    ['a login without a password', 'AUTH_FAILED', 'password', errors.missingPassword, { password: null }],
    ['tls against a plain server', 'TLS_MODE_MISMATCH', 'security', errors.tlsToPlain, { security: 'tls' }],
    ['no greeting on 465', 'TLS_MODE_MISMATCH', 'security', errors.greetingTimeout, { port: 465 }],
    ['starttls against a server without it', 'STARTTLS_UNAVAILABLE', 'security', errors.noStarttls, {}],
    ['a certificate for another name', 'CERTIFICATE', 'host', errors.otherName, { port: 465, security: 'tls' }],
    ['a self-signed certificate', 'CERTIFICATE', null, errors.selfSigned, { port: 465, security: 'tls' }],
    ['a host that does not resolve', 'HOST_NOT_FOUND', 'host', errors.notFound, {}],
    ['a refused connection', 'CONNECTION_REFUSED', 'port', errors.refused, {}],
    ['a connection timeout', 'TIMEOUT', 'port', errors.connectTimeout, {}],
    ['an unreachable host', 'TIMEOUT', 'port', errors.unreachable, {}],
    ['a closed connection', 'CONNECTION_CLOSED', 'port', errors.closed, { port: 2525 }],
    ['a 421 at EHLO', 'SERVER_REJECTED', null, errors.tempFailure, {}],
    ['something else', 'UNKNOWN', null, new Error('boom'), {}],
  ] as const)('points %s (%s) at the %s field', (_, code, field, error, overrides) => {
    expect(smtpVerifyHint(error, settings(overrides))).toMatchObject({ code, field });
  });

  it('explains a refused login, with the App Password for Gmail', () => {
    expect(smtpVerifyHint(errors.authRejected, settings())).toEqual({
      code: 'AUTH_FAILED',
      field: 'password',
      hint:
        'The server rejected the username or password. Check both; providers with two-step sign-in (Gmail, ' +
        'Google Workspace, Outlook) need an app password, and some need SMTP AUTH switched on for the mailbox.',
      serverMessage: '535 5.7.8 Username and Password not accepted',
    });
    expect(smtpVerifyHint(errors.authRejected, settings({ host: 'smtp.gmail.com' })).hint).toBe(
      'The server rejected the username or password. Gmail and Google Workspace need an App Password ' +
        "(Google Account → Security → 2-Step Verification → App passwords), not the account's normal password.",
    );
    expect(smtpVerifyHint(errors.gmailAppPassword, settings()).hint).toMatch(/Gmail and Google Workspace need/);
    expect(smtpVerifyHint(errors.missingPassword, settings({ password: null })).hint).toBe(
      'A username is set but no password: enter the password for the mail account.',
    );
  });

  it.each([
    [
      errors.tlsToPlain,
      { security: 'tls' as const },
      `The connection to smtp.shop.example:587 failed with security "tls": ${TLS_PORTS}.`,
      'wrong version number',
    ],
    [
      errors.refused,
      {},
      `Nothing accepts connections on smtp.shop.example:587: check the host and the port (${TLS_PORTS}).`,
      'connect ECONNREFUSED 127.0.0.1:46091',
    ],
    [
      errors.noStarttls,
      {},
      `smtp.shop.example:587 does not offer STARTTLS: ${TLS_PORTS}.`,
      '500 Error: command not recognized',
    ],
    [
      errors.selfSigned,
      {},
      'The TLS certificate of smtp.shop.example:587 was not accepted: use the host name ' +
        "the certificate was issued for, or fix the server's certificate.",
      'self-signed certificate',
    ],
    [
      errors.connectTimeout,
      {},
      'No answer from smtp.shop.example:587: check the host and the port, and that a firewall lets outgoing ' +
        'connections to that port through (many hosting providers block port 25).',
      'Connection timeout',
    ],
    [
      errors.notFound,
      {},
      "smtp.shop.example does not resolve: check the spelling of the mail server's name.",
      'getaddrinfo ENOTFOUND nonexistent.invalid',
    ],
  ])('gives an actionable hint for %j', (error, overrides, hint, serverMessage) => {
    expect(smtpVerifyHint(error, settings(overrides))).toMatchObject({ hint, serverMessage });
  });

  it('writes an IPv6 host with its port unambiguously', () => {
    expect(smtpVerifyHint(errors.refused, settings({ host: '::1', port: 2525 })).hint).toBe(
      `Nothing accepts connections on [::1]:2525: check the host and the port (${TLS_PORTS}).`,
    );
  });

  it('never repeats the password, even when the server echoes it or its AUTH PLAIN encoding', () => {
    const plain = Buffer.from('\u0000reports@shop.example\u0000hunter2-canary').toString('base64');
    const echo = {
      ...errors.authRejected,
      response: `535 no: hunter2-canary ${Buffer.from('hunter2-canary').toString('base64')} ${plain}`,
    };
    expect(smtpVerifyHint(echo, settings()).serverMessage).toBe('535 no: [redacted] [redacted] [redacted]');
  });

  it('keeps the server message to one bounded line', () => {
    const long = { ...errors.tempFailure, response: `421-first line\n421 ${'x'.repeat(400)}` };
    const { serverMessage } = smtpVerifyHint(long, settings());
    expect([serverMessage.length, serverMessage.startsWith('421-first line 421 xxx')]).toEqual([300, true]);
  });
});
