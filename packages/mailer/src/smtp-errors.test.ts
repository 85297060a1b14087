import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './smtp-errors.js';

describe('classifySmtpError', () => {
  it.each([
    [
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' },
      'permanent',
      'SMTP 550: 550 5.1.1 No such user',
    ],
    [
      { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Bad credentials', command: 'AUTH PLAIN' },
      'permanent',
      'SMTP 535: 535 5.7.8 Bad credentials',
    ],
    [{ code: 'EAUTH', message: 'Invalid login' }, 'permanent', 'EAUTH: Invalid login'],
    [{ code: 'ETLS', message: 'wrong version number' }, 'permanent', 'ETLS: wrong version number'],
    [
      { code: 'EPROTOCOL', responseCode: 421, response: '421 4.7.0 Try again later', command: 'CONN' },
      'transient',
      'SMTP 421: 421 4.7.0 Try again later',
    ],
    [
      { code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 Greylisted', command: 'RCPT TO' },
      'transient',
      'SMTP 451: 451 4.3.0 Greylisted',
    ],
    [
      { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25', command: 'CONN' },
      'transient',
      'ECONNECTION: connect ECONNREFUSED 127.0.0.1:25',
    ],
    [
      { code: 'ETIMEDOUT', message: 'Greeting never received', command: 'CONN' },
      'transient',
      'ETIMEDOUT: Greeting never received',
    ],
    [
      {
        code: 'EAUTH',
        responseCode: 454,
        response: '454 4.7.0 Temporary authentication failure',
        command: 'AUTH PLAIN',
      },
      'transient',
      'SMTP 454: 454 4.7.0 Temporary authentication failure',
    ],
    [
      { code: 'EENVELOPE', responseCode: 552, response: '552 5.5.3 Too many recipients', command: 'RCPT TO' },
      'transient',
      'SMTP 552: 552 5.5.3 Too many recipients (552 to RCPT TO counts as 452)',
    ],
    [
      { code: 'EENVELOPE', responseCode: 552, response: '552 5.3.4 Message size exceeds limit', command: 'MAIL FROM' },
      'permanent',
      'SMTP 552: 552 5.3.4 Message size exceeds limit',
    ],
    [
      { code: 'EMESSAGE', responseCode: 552, response: '552 5.3.4 Message too big', command: 'DATA' },
      'permanent',
      'SMTP 552: 552 5.3.4 Message too big',
    ],
  ])('%j → %s', (error, kind, message) => {
    expect(classifySmtpError(error, { dataSent: false })).toEqual({ kind, message });
  });

  it.each([
    [
      { code: 'ETIMEDOUT', message: 'Timeout', command: 'CONN' },
      'ETIMEDOUT: Timeout (after the message data was sent)',
    ],
    [
      { code: 'ECONNECTION', message: 'Connection closed unexpectedly' },
      'ECONNECTION: Connection closed unexpectedly (after the message data was sent)',
    ],
    [
      { code: 'ETIMEDOUT', message: 'SMTP session still running after its 4000 ms deadline' },
      'ETIMEDOUT: SMTP session still running after its 4000 ms deadline (after the message data was sent)',
    ],
  ])('a network error after the data went out is unknown: %j', (error, message) => {
    expect(classifySmtpError(error, { dataSent: true })).toEqual({ kind: 'unknown', message });
  });

  it('keeps a 5xx after the data permanent (the server refused it, nothing was delivered)', () => {
    expect(classifySmtpError({ responseCode: 554, response: '554 Rejected' }, { dataSent: true }).kind).toBe(
      'permanent',
    );
  });
});
