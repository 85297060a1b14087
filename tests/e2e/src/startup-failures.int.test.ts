import { generateKeyEntry } from '@reportmail/secrets';
import { startServiceProcess } from '@reportmail/testing';
import { describe, expect, it } from 'vitest';
import type { ServiceName } from './harness.js';

const SERVICES: ServiceName[] = ['scheduler', 'report-worker', 'mail-worker'];
const BASE = {
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  SECRETS_KEY: generateKeyEntry('k1'),
  LOG_LEVEL: 'warn',
};
// Port 9 (discard) has nothing listening on these machines: connections are refused at once.
const DOWN = {
  postgres: { DATABASE_URL: 'postgres://postgres:not-this-one@127.0.0.1:9/postgres' },
  redis: { REDIS_URL: 'redis://127.0.0.1:9' },
};

const startAndWaitForExit = async (service: ServiceName, env: Record<string, string>) => {
  const child = startServiceProcess(service, { ...BASE, ...env });
  const code = await new Promise<number | null>((resolve) => child.child.once('exit', resolve));
  return { code, output: child.logs.map((line) => line.msg ?? JSON.stringify(line)).join('\n') };
};

describe('starting with a dependency down', () => {
  it.each(SERVICES)('%s exits 1 naming PostgreSQL, without the password', async (service) => {
    const { code, output } = await startAndWaitForExit(service, DOWN.postgres);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`^${service}: .*PostgreSQL.*127\\.0\\.0\\.1:9`, 'm'));
    expect(output).not.toContain('not-this-one');
  });

  it.each(SERVICES)('%s exits 1 naming Redis and how to start it', async (service) => {
    const { code, output } = await startAndWaitForExit(service, DOWN.redis);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`^${service}: Cannot reach Redis at 127\\.0\\.0\\.1:9`, 'm'));
  });
});
