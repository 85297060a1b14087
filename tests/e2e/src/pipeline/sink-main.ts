// The benchmark's SMTP sink, run as a process of its own so its CPU is not counted as the product's. It
// accepts every message and reads only the header block: one stdout line per message,
// `<delivery id> <accepted at, ms since the epoch>`, after a first line `listening <port>`.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const DELIVERY_HEADER = /^x-reportmail-delivery-id:\s*(\S+)/im;

function headerBlock(chunks: Buffer[]): string {
  const text = Buffer.concat(chunks).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  return end === -1 ? text : text.slice(0, end);
}

const server = new SMTPServer({
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? '' }),
  onData: (stream, _session, callback) => {
    const head: Buffer[] = [];
    let headBytes = 0;
    stream.on('data', (chunk: Buffer) => {
      if (headBytes < 8192) head.push(chunk);
      headBytes += chunk.length;
    });
    stream.on('end', () => {
      const id = DELIVERY_HEADER.exec(headerBlock(head))?.[1] ?? 'unknown';
      process.stdout.write(`${id} ${Date.now()}\n`);
      callback();
    });
  },
});
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') process.stderr.write(`sink: ${error.message}\n`);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
