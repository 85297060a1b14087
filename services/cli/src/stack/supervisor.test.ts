import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServiceName, Supervisor, type SupervisorOptions } from './supervisor.js';
import { apiHealthUrl, probeHealth } from './wait-ready.js';

let root: string;
let output: PassThrough & { isTTY?: boolean };
let printed: string;

/** A stand-in service bundle (what `pnpm start` runs): plain JavaScript, so no tsx or workspace is needed. */
async function writeService(name: ServiceName, source: string): Promise<void> {
  await mkdir(join(root, 'services', name, 'dist'), { recursive: true });
  await writeFile(join(root, 'services', name, 'dist', 'main.js'), source);
}

function printedLine(pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const check = () => pattern.test(printed) && resolve();
    output.on('data', check);
    check();
  });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reportmail-supervisor-'));
  output = new PassThrough();
  printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
});
afterEach(async () => rm(root, { recursive: true, force: true }));

// No /health probe unless a test asks for one: nothing of theirs listens, and another API might (port 3000).
const supervise = (stopTimeoutMs = 5_000, options: Partial<SupervisorOptions> = {}) =>
  new Supervisor({
    root,
    env: { PATH: process.env.PATH },
    output: output as never,
    built: true,
    stopTimeoutMs,
    apiHealth: false,
    ...options,
  });

/** A port nothing listens on right now, for a stand-in API. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A stand-in API: answers /health; its first run blocks its event loop for good after two answers (and
 * so ignores SIGTERM, like the real one would), a later run stays healthy and says when it was probed.
 */
const STAND_IN_API = `
const { existsSync, writeFileSync } = require('node:fs');
const first = !existsSync('api-ran-before');
writeFileSync('api-ran-before', '');
let answered = 0;
require('node:http')
  .createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"status":"ok"}');
    answered += 1;
    if (!first && answered === 5) console.log('answered 5 probes');
    if (first && answered === 2) setTimeout(() => { console.log('blocking'); for (;;) {} }, 10);
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log(first ? 'up' : 'up again'));
process.on('SIGTERM', () => process.exit(0));
`;

describe('Supervisor', () => {
  it('prefixes each line with the service, pino JSON made readable', async () => {
    await writeService(
      'api',
      `console.log(JSON.stringify({ level: 30, time: 0, msg: 'api started' })); setInterval(() => {}, 1000);`,
    );
    const supervisor = supervise();
    supervisor.start('api');
    await printedLine(/^api +\| .*INFO.*api started$/m);
    await supervisor.stop();
  });

  it('restarts a service that dies, waiting longer each time, and gives up after three deaths right at start', async () => {
    await writeService('mail-worker', `console.log('up'); setTimeout(() => process.exit(7), 50);`);
    const supervisor = supervise();
    supervisor.start('mail-worker');
    const failure = await supervisor.failure;
    expect(failure.message).toBe('mail-worker exited (code 7) 3 times right after starting: see its lines above');
    expect(printed.match(/^mail-worker +\| up$/gm)).toHaveLength(3);
    expect(printed).toContain('mail-worker exited (code 7); restarting in 2 s');
  }, 20_000);

  it('stops services with SIGTERM, and kills one that ignores it after the timeout', async () => {
    await writeService(
      'scheduler',
      `process.on('SIGTERM', () => { console.log('bye'); process.exit(0); }); console.log('up'); setInterval(() => {}, 1000);`,
    );
    await writeService(
      'report-worker',
      `process.on('SIGTERM', () => console.log('ignored')); console.log('up'); setInterval(() => {}, 1000);`,
    );
    const supervisor = supervise(500);
    supervisor.start('scheduler');
    supervisor.start('report-worker');
    await Promise.all([printedLine(/^scheduler +\| up$/m), printedLine(/^report-worker\| up$/m)]);
    const stopping = Date.now();
    await supervisor.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(printed).toMatch(/^scheduler +\| bye$/m);
    expect(printed).toMatch(/^report-worker\| ignored$/m);
  });

  it('kills and restarts an API that stops answering /health, and leaves a healthy one alone', async () => {
    await writeService('api', STAND_IN_API);
    const port = await freePort();
    const supervisor = supervise(5_000, {
      env: { PATH: process.env.PATH, PORT: String(port) },
      apiHealth: { intervalMs: 100, timeoutMs: 300, failures: 3 },
    });
    supervisor.start('api');
    await printedLine(/^api +\| blocking$/m);
    await printedLine(
      /^supervisor +\| api did not answer \/health for \d+ s \(no answer within 300 ms\): restarting it$/m,
    );
    await printedLine(/^supervisor +\| api exited \(signal SIGKILL\); restarting in \d+ s$/m);
    await printedLine(/^api +\| answered 5 probes$/m);
    expect(printed.match(/did not answer \/health/g)).toHaveLength(1);
    await supervisor.stop();
  }, 20_000);
});

describe('the /health probe', () => {
  it('probes where the API listens, whatever PUBLIC_URL says', () => {
    expect(apiHealthUrl({ PUBLIC_URL: 'https://reports.example' })).toBe('http://127.0.0.1:3000/health');
    expect(apiHealthUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://127.0.0.1:8080/health');
    expect(apiHealthUrl({ HOST: '::' })).toBe('http://[::1]:3000/health');
  });

  it("gives the API's own reason for a 503, and a refused connection", async () => {
    const server = createServer((_request, response) => {
      response.statusCode = 503;
      response.end(JSON.stringify({ status: 'unhealthy', message: 'event loop blocked for 1500 ms' }));
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    expect(await probeHealth(url, 1_000)).toBe('HTTP 503: event loop blocked for 1500 ms');
    server.close();
    await once(server, 'close');
    expect(await probeHealth(url, 1_000)).toBe('no answer (ECONNREFUSED)');
  });
});
