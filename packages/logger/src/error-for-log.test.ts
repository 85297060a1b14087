import { describe, expect, it } from 'vitest';
import { errorForLog } from './error-for-log.js';

describe('errorForLog', () => {
  it('keeps a unique violation’s code and constraint, not the duplicate value PostgreSQL names in detail', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "admin_user_email_key"'), {
      name: 'PostgresError',
      code: '23505',
      detail: 'Key (email)=(owner@shop.example) already exists.',
      table_name: 'admin_user',
      constraint_name: 'admin_user_email_key',
      parameters: ['owner@shop.example'],
    });
    const logged = errorForLog(error);
    expect(JSON.stringify(logged)).not.toContain('owner@shop.example');
    expect(logged).toMatchObject({
      type: 'PostgresError',
      code: '23505',
      table: 'admin_user',
      constraint: 'admin_user_email_key',
      message: 'duplicate key value violates unique constraint "[redacted]"',
    });
  });

  it('turns control characters into spaces so one error is one log line, and stops after five causes', () => {
    let error: unknown = new Error('line one\nline two\u0000');
    for (let depth = 0; depth < 8; depth++) error = new Error(`wrapper ${depth}`, { cause: error });
    let logged: ReturnType<typeof errorForLog> | undefined = errorForLog(error);
    let depth = 0;
    while (logged?.cause) {
      logged = logged.cause;
      depth++;
    }
    expect(depth).toBe(5);
    expect(errorForLog(new Error('line one\nline two\u0000')).message).toBe('line one line two ');
  });

  it('says what a thrown non-error was without repeating it', () => {
    expect(errorForLog('owner@shop.example')).toEqual({ type: 'string', message: '[not an Error]' });
  });
});
