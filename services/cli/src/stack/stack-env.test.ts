import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLocalSecrets, STACK_DEFAULTS, setVariables, stackEnvironment } from './stack-env.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportmail-stack-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

describe('loadLocalSecrets', () => {
  it('generates each secret once, readable by the owner only, and keeps it on later starts', async () => {
    const file = join(root, 'var', 'local.env');
    const first = await loadLocalSecrets(file);
    expect(first.SECRETS_KEY).toMatch(/^local1:[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(first.SECRETS_KEY?.split(':')[1] ?? '', 'base64')).toHaveLength(32);
    expect(first.JWT_SECRET?.length).toBeGreaterThanOrEqual(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadLocalSecrets(file)).toEqual(first);
  });

  it('adds only what a hand-edited file lacks', async () => {
    const file = join(root, 'local.env');
    await writeFile(file, 'JWT_SECRET=mine-mine-mine-mine-mine-mine-mine-mine\n');
    const secrets = await loadLocalSecrets(file);
    expect(secrets.JWT_SECRET).toBe('mine-mine-mine-mine-mine-mine-mine-mine');
    expect(await readFile(file, 'utf8')).toContain(`SECRETS_KEY=${secrets.SECRETS_KEY}`);
  });
});

describe('stackEnvironment', () => {
  it('needs nothing: default servers, generated secrets, the outbox under var/, a plain-http cookie', async () => {
    const { env, outboxDir } = await stackEnvironment({}, root);
    expect(env.DATABASE_URL).toBe(STACK_DEFAULTS.DATABASE_URL);
    expect(env.REDIS_URL).toBe(STACK_DEFAULTS.REDIS_URL);
    expect(env.SECRETS_KEY).toMatch(/^local1:/);
    expect(outboxDir).toBe(join(root, 'var', 'outbox'));
    expect(env.OUTBOX_DIR).toBe(outboxDir);
    expect(env.COOKIE_SECURE).toBe('false');
  });

  it('lets every variable the caller sets win, and writes no file when the secrets are given', async () => {
    const given = {
      DATABASE_URL: 'postgres://shop@db.internal:5432/shop',
      SECRETS_KEY: 'k9:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      JWT_SECRET: 'x'.repeat(40),
      OUTBOX_DIR: '/srv/outbox',
      PUBLIC_URL: 'https://reports.shop.example',
      REDIS_URL: '',
    };
    const { env } = await stackEnvironment(given, root);
    expect(env).toMatchObject({ ...given, REDIS_URL: STACK_DEFAULTS.REDIS_URL, COOKIE_SECURE: 'true' });
    await expect(stat(join(root, 'var', 'local.env'))).rejects.toThrow(/ENOENT/);
  });

  it('reads .env in the working directory under the variables the environment sets', async () => {
    const secrets = { SECRETS_KEY: 'k9:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', JWT_SECRET: 'y'.repeat(40) };
    const lines = [
      'ALLOW_PRIVATE_SMTP=true',
      'LOG_LEVEL=debug',
      'DATABASE_URL=postgres://file@127.0.0.1:5432/shop',
      `SECRETS_KEY=${secrets.SECRETS_KEY}`,
      `JWT_SECRET=${secrets.JWT_SECRET}`,
    ];
    await writeFile(join(root, '.env'), `${lines.join('\n')}\n`);
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    vi.stubEnv('LOG_LEVEL', 'warn');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('ALLOW_PRIVATE_SMTP', undefined);
    const { env } = await stackEnvironment(process.env, root);
    expect(env).toMatchObject({
      ...secrets,
      ALLOW_PRIVATE_SMTP: 'true',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgres://file@127.0.0.1:5432/shop',
    });
    await expect(stat(join(root, 'var', 'local.env'))).rejects.toThrow(/ENOENT/);
    // The CLI's other commands read the same file; an object given by a caller is taken as it is.
    expect(setVariables(process.env).DATABASE_URL).toBe('postgres://file@127.0.0.1:5432/shop');
    expect(setVariables({ LOG_LEVEL: 'warn' })).toEqual({ LOG_LEVEL: 'warn' });
  });
});
