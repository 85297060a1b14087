import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Paths that must never reach a log line, whatever object they hide in. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'passwordCiphertext',
  '*.passwordCiphertext',
  'secret',
  '*.secret',
  'jwtSecret',
  '*.jwtSecret',
  'secretsKey',
  '*.secretsKey',
  'SECRETS_KEY',
  '*.SECRETS_KEY',
  'JWT_SECRET',
  '*.JWT_SECRET',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  'token',
  '*.token',
  'auth.pass',
  '*.auth.pass',
];

export type LoggerOptions = {
  service: string;
  level?: string;
  destination?: DestinationStream;
};

/** The one logger factory: JSON lines, service name bound, secrets redacted. */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

export { errorForLog, type LoggedError } from './error-for-log.js';
