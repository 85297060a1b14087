import { describe, expect, it } from 'vitest';
import { passwordToUse } from './settings-store.js';

const saved = (password: string | null, host = 'smtp.shop.example') => ({ host, password: () => password });
const outcome = (...args: Parameters<typeof passwordToUse>) => {
  try {
    return passwordToUse(...args);
  } catch (error) {
    return (error as { details: unknown }).details;
  }
};

describe('passwordToUse', () => {
  const request = (username: string | null, password: string | null, host = 'smtp.shop.example') => ({
    username,
    password,
    host,
  });

  it.each([
    ['a new password', request('u', 'new'), saved('old'), 'new'],
    ['none given: the saved one', request('u', null), saved('old'), 'old'],
    ['no username: none, even if one is saved', request(null, null), saved('old'), null],
    ['no username and nothing saved', request(null, null), undefined, null],
    ['a new password for a new host', request('u', 'new', 'smtp.other.example'), saved('old'), 'new'],
  ] as const)('%s', (_, given, stored, expected) => {
    expect(outcome(given, stored)).toBe(expected);
  });

  it.each([
    [
      'a password without a username',
      request(null, 'secret'),
      saved(null),
      [{ field: 'body.username', message: 'is required with a password (SMTP AUTH needs both)' }],
    ],
    [
      'a username without a password, none saved',
      request('u', null),
      saved(null),
      [{ field: 'body.password', message: 'is required with a username (SMTP AUTH needs both)' }],
    ],
    [
      'a username without a password, not configured',
      request('u', null),
      undefined,
      [{ field: 'body.password', message: 'is required with a username (SMTP AUTH needs both)' }],
    ],
    [
      'the saved password for another host',
      request('u', null, 'smtp.other.example'),
      saved('old'),
      [
        {
          field: 'body.password',
          message: 'must be entered again for a different host: the saved one is only sent to the saved host',
        },
      ],
    ],
  ] as const)('refuses %s', (_, given, stored, details) => {
    expect(outcome(given, stored)).toEqual(details);
  });

  it('does not decrypt the saved password unless it is reused', () => {
    const unreadable = {
      host: 'smtp.shop.example',
      password: () => {
        throw new Error('must not be read');
      },
    };
    expect([passwordToUse(request('u', 'new'), unreadable), passwordToUse(request(null, null), unreadable)]).toEqual([
      'new',
      null,
    ]);
  });
});
