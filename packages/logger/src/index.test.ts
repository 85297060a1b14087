import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './index.js';

function captureLines(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts secrets wherever they are nested', () => {
    const { lines, stream } = captureLines();
    const logger = createLogger({ service: 'test', destination: stream });
    logger.info(
      {
        smtp: {
          host: 'mail.example.com',
          password: 'hunter2',
          auth: { pass: 'p4ss' },
        },
      },
      'saved',
    );
    logger.info(
      {
        password: 'top',
        req: { headers: { authorization: 'Bearer abc.def' } },
      },
      'request',
    );
    const text = lines.join('');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('p4ss');
    expect(text).not.toContain('abc.def');
    expect(text).not.toContain('"top"');
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first.service).toBe('test');
    expect(first.smtp.host).toBe('mail.example.com');
    expect(first.smtp.password).toBe('[redacted]');
  });
});
