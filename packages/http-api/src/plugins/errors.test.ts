import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorsPlugin, findOutage, frameworkErrors } from './errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('the error shape', () => {
  it('answers router errors (an over-long path parameter) in the one shape', async () => {
    const app = Fastify({ frameworkErrors });
    await app.register(errorsPlugin);
    app.get('/v1/things/:id', async () => ({ ok: true }));
    const reply = await app.inject({ method: 'GET', url: `/v1/things/${'a'.repeat(70_000)}` });
    expect([reply.statusCode, reply.json()]).toEqual([
      400,
      { error: 'VALIDATION', message: 'A path parameter is too long', details: [] },
    ]);
    await app.close();
  });

  it.each([
    [
      'ioredis without its offline queue',
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      'Redis',
    ],
    ['ioredis after quit', new Error('Connection is closed.'), 'Redis'],
    [
      'ioredis out of retries',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
      'Redis',
    ],
    ['a refused PostgreSQL connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'PostgreSQL'],
    ['postgres.js timing out', withCode('write CONNECT_TIMEOUT 10.0.0.1:5432', 'CONNECT_TIMEOUT'), 'PostgreSQL'],
    ['a server shutting down', withCode('terminating connection due to administrator command', '57P01'), 'PostgreSQL'],
    ['a lost connection', withCode('connection failure', '08006'), 'PostgreSQL'],
    [
      'drizzle wrapping a driver error',
      new Error('Failed query: select 1\nparams: ', { cause: withCode('x', 'ECONNREFUSED') }),
      'PostgreSQL',
    ],
  ])('takes %s for an outage of %s', (_, error, service) => {
    expect(findOutage(error)?.service).toBe(service);
  });

  it.each([
    ['a unique violation', withCode('duplicate key', '23505')],
    ['a plain error', new Error('boom')],
    ['not an error', 'Connection is closed.'],
  ])('does not take %s for an outage', (_, error) => {
    expect(findOutage(error)).toBeNull();
  });

  it('keeps the driver error, not the wrapper that holds query parameters', () => {
    const cause = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    const wrapper = new Error('Failed query: insert … params: secret-hash', { cause });
    expect(findOutage(wrapper)?.cause).toBe(cause);
  });
});
