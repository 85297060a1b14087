import { Writable } from 'node:stream';
import { adminUser } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsPlugin } from './errors.js';

describe('an internal error in the log', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('says what failed and where, never the values the request sent', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ service: 'api', destination });
    const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
    await app.register(errorsPlugin);
    // A bug of the kind that once logged a login's email: user input reaching a query PostgreSQL refuses.
    app.get('/v1/things/:id', async (request) => {
      const { id } = request.params as { id: string };
      return database.db.select().from(adminUser).where(eq(adminUser.id, id));
    });
    const reply = await app.inject({ method: 'GET', url: '/v1/things/CANARY-owner%40shop.example' });
    expect([reply.statusCode, reply.json()]).toEqual([
      500,
      { error: 'INTERNAL', message: 'Internal error', details: [] },
    ]);
    const logged = lines.find((line) => line.includes('"request failed"'));
    expect(logged).toBeDefined();
    expect(logged).not.toContain('CANARY');
    const { error } = JSON.parse(logged as string);
    expect(error).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query',
      query: expect.stringMatching(/^select .* where "reportmail"."admin_user"."id" = \$1$/),
      cause: { type: 'PostgresError', code: '22P02', message: 'invalid input syntax for type uuid: "[redacted]"' },
    });
    await app.close();
  });
});
