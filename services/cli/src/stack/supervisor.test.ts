import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServiceName, Supervisor } from './supervisor.js';

let root: string;
let output: PassThrough & { isTTY?: boolean };
let printed: string;

/** A stand-in service bundle (`--built` mode): plain JavaScript, so no tsx or workspace is needed. */
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

const supervise = (stopTimeoutMs = 5_000) =>
  new Supervisor({ root, env: { PATH: process.env.PATH }, output: output as never, built: true, stopTimeoutMs });

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
});
