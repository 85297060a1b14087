import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeMountpointBin, runEntrypoint } from './entrypoint.js';
import { unknownVariables } from './service-configs.js';

const scratch = mkdtempSync(join(tmpdir(), 'reportmail-entrypoint-'));
const mounted = fakeMountpointBin(scratch, true);
const unmounted = fakeMountpointBin(scratch, false);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
function freshVolume(): string {
  folders += 1;
  const dir = join(scratch, `volume-${folders}`);
  mkdirSync(dir);
  return dir;
}

const asked = { SECRETS_KEY: '', JWT_SECRET: '' };

describe('infra/docker/entrypoint.sh', () => {
  it('generates secrets the API config accepts, prints nothing, and keeps them private', async () => {
    const secretsDir = freshVolume();
    const run = await runEntrypoint({ environment: asked, secretsDir, bin: mounted });
    expect(run).toMatchObject({ exitCode: 0, output: '' });
    const environment = { ...run.environment, DATABASE_URL: 'postgres://u@h/db' };
    expect(() => unknownVariables('services/api', environment)).not.toThrow();
    expect(run.environment.SECRETS_KEY).toMatch(/^k1:[A-Za-z0-9+/]{43}=$/);
    expect(readdirSync(secretsDir)).toEqual(['generated.env']);
    expect(statSync(join(secretsDir, 'generated.env')).mode & 0o077).toBe(0);
  });

  it('hands every container starting at once the same values', async () => {
    const secretsDir = freshVolume();
    const runs = await Promise.all(
      Array.from({ length: 6 }, () => runEntrypoint({ environment: asked, secretsDir, bin: mounted })),
    );
    const keys = new Set(runs.map((run) => `${run.environment.SECRETS_KEY} ${run.environment.JWT_SECRET}`));
    expect(keys.size).toBe(1);
    expect(readdirSync(secretsDir)).toEqual(['generated.env']);
  });

  it('keeps provided values and fills only the variables a service declares', async () => {
    const secretsDir = freshVolume();
    const run = await runEntrypoint({
      environment: { SECRETS_KEY: '', JWT_SECRET: 'x'.repeat(40) },
      secretsDir,
      bin: mounted,
    });
    expect(run.environment.JWT_SECRET).toBe('x'.repeat(40));
    expect(run.environment.SECRETS_KEY).toBeTruthy();
    const worker = await runEntrypoint({ environment: { SECRETS_KEY: '' }, secretsDir, bin: mounted });
    expect(worker.environment.SECRETS_KEY).toBe(run.environment.SECRETS_KEY);
    expect(worker.environment.JWT_SECRET).toBeUndefined();
  });

  it('generates nothing where the secrets folder is not a mounted volume', async () => {
    const secretsDir = freshVolume();
    const run = await runEntrypoint({ environment: asked, secretsDir, bin: unmounted });
    expect(run.exitCode).toBe(0);
    expect(run.environment.SECRETS_KEY).toBe('');
    expect(readdirSync(secretsDir)).toEqual([]);
  });
});
