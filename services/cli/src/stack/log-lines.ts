import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { prettyFactory } from 'pino-pretty';

export type LineSink = (line: string) => void;

/**
 * Writes a child's output line by line under its name. Pino JSON lines become pino-pretty's one-line
 * form (colours only on a terminal), so four services' logs stay readable in one window.
 */
export function prefixedLines(name: string, output: NodeJS.WriteStream): (stream: Readable) => void {
  const pretty = prettyFactory({
    colorize: output.isTTY === true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service',
  });
  const label = `${name.padEnd(13)}|`;
  return (stream) => {
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on('line', (line) => {
      const text = line.startsWith('{') && line.endsWith('}') ? pretty(line).trimEnd() : line;
      output.write(`${label} ${text}\n`);
    });
  };
}
