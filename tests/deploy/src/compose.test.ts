import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ComposeService, commandOf, environmentOf, loadCompose, nodeEntryFile, volumeMounts } from './compose.js';
import { fakeMountpointBin, runEntrypoint, SECRETS_DIR } from './entrypoint.js';
import { serviceDirOf, tsupOutputs } from './repo.js';
import { CONFIG_LOADERS, type Environment, unknownVariables } from './service-configs.js';

const compose = loadCompose();
const appServices = Object.entries(compose.services).filter(([, service]) => service.build || isAppImage(service));
const longRunning = ['api', 'scheduler', 'report-worker', 'mail-worker'];

function isAppImage(service: ComposeService): boolean {
  return service.image === compose.services.api?.image;
}

function serviceDirFor(service: ComposeService): string {
  const entry = nodeEntryFile(commandOf(service));
  const dir = entry ? serviceDirOf(entry) : undefined;
  if (!dir) throw new Error(`command ${JSON.stringify(service.command)} runs no services/<name>/ bundle`);
  return dir;
}

// One secrets folder for the whole file, like the volume the containers share.
const scratch = mkdtempSync(join(tmpdir(), 'reportmail-compose-'));
const mountedBin = fakeMountpointBin(scratch, true);
const secretsVolume = join(scratch, 'secrets');
mkdirSync(secretsVolume);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What the process of a service receives: its environment, after the entrypoint where the volume is. */
async function processEnvironment(service: ComposeService): Promise<Environment> {
  const environment = environmentOf(service);
  const mountsSecrets = volumeMounts(service).some(([, target]) => target === SECRETS_DIR);
  if (!mountsSecrets) return environment;
  const run = await runEntrypoint({ environment, secretsDir: secretsVolume, bin: mountedBin });
  expect(run.output).toBe('');
  // The entrypoint fills in only variables the service declares (empty), so nothing else changes.
  const filled = Object.keys(environment).map((name) => [name, run.environment[name]]);
  return Object.fromEntries(filled);
}

describe('docker-compose.yml', () => {
  it('has the long-running services, the migrate one-shot and mailpit', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'mailpit', 'migrate', ...longRunning]),
    );
    expect(appServices.map(([name]) => name).sort()).toEqual(['migrate', ...longRunning].sort());
  });

  it.each(appServices)('%s runs a file its service builds', async (_name, service) => {
    const entry = nodeEntryFile(commandOf(service));
    expect(await tsupOutputs(serviceDirFor(service))).toContain(entry);
  });

  it.each(appServices)('%s: its environment on a fresh clone parses with its own config', async (_name, service) => {
    const dir = serviceDirFor(service);
    expect(CONFIG_LOADERS[dir]).toBeDefined();
    const environment = await processEnvironment(service);
    expect(unknownVariables(dir, environment)).toEqual([]);
  });

  it('gives the API and the mail workers the same generated SECRETS_KEY', async () => {
    const api = await processEnvironment(compose.services.api ?? {});
    const mail = await processEnvironment(compose.services['mail-worker'] ?? {});
    expect(api.SECRETS_KEY).toBeTruthy();
    expect(mail.SECRETS_KEY).toBe(api.SECRETS_KEY);
  });

  it('lets an admin point SMTP at mailpit over plain http on localhost', () => {
    const api = environmentOf(compose.services.api ?? {});
    expect(api).toMatchObject({ ALLOW_PRIVATE_SMTP: 'true', COOKIE_SECURE: 'false', HOST: '0.0.0.0' });
    expect(compose.services.mailpit?.image).toMatch(/^axllent\/mailpit/);
  });

  it('starts services after a healthy database and Redis and a completed migration', () => {
    const migrate = compose.services.migrate ?? {};
    expect(migrate.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(migrate.restart).toBe('no');
    for (const name of longRunning) {
      expect(compose.services[name]?.depends_on, name).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      });
    }
  });

  it('checks health: postgres, redis, and the API on /ready or /health', () => {
    for (const name of ['postgres', 'redis', 'api'])
      expect(compose.services[name]?.healthcheck?.test, name).toBeTruthy();
    const apiCheck = JSON.stringify(compose.services.api?.healthcheck?.test);
    expect(apiCheck).toMatch(/127\.0\.0\.1:3000\/(ready|health)/);
  });

  it('runs two mail workers', () => {
    expect(compose.services['mail-worker']?.deploy?.replicas).toBe(2);
  });

  it('keeps Redis keys (noeviction) and its queue on disk (AOF)', () => {
    const command = commandOf(compose.services.redis ?? {}).join(' ');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(command).toContain('--appendonly yes');
  });

  it('declares every named volume it mounts, and puts the outbox on one', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [source] of volumeMounts(service)) {
        if (!source.startsWith('.') && !source.startsWith('/'))
          expect(declared, `${name}: ${source}`).toContain(source);
      }
    }
    const mail = compose.services['mail-worker'] ?? {};
    const outbox = environmentOf(mail).OUTBOX_DIR;
    expect(volumeMounts(mail).map(([, target]) => target)).toContain(outbox);
  });

  it('builds every app service from infra/docker/Dockerfile as one image', () => {
    const images = new Set(appServices.map(([, service]) => service.image));
    expect(images.size).toBe(1);
    for (const [, service] of appServices) expect(service.build?.dockerfile).toBe('infra/docker/Dockerfile');
  });
});
