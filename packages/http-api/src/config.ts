import {
  databaseUrl,
  envFlag,
  envInteger,
  eventLoopStallMs,
  loadConfig,
  logLevel,
  optionalEnv,
  redisPrefix,
  redisUrl,
  secretsKey,
  timeZone,
  z,
} from '@reportmail/config';
import { trustProxy } from './trust-proxy.js';

/** The API's variables: the all-in-one process parses them with the others' in one pass. */
export const apiConfigShape = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: redisPrefix,
  LOG_LEVEL: logLevel,
  EVENT_LOOP_STALL_MS: eventLoopStallMs,
  /** Encrypts the SMTP password the API stores and signs attachment links. */
  SECRETS_KEY: secretsKey,
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: envInteger(1, 65_535, 3000),
  /** Where admins and email links reach the API (signed attachment links start with it). */
  PUBLIC_URL: optionalEnv(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  JWT_SECRET: z
    .string({ error: 'is required: at least 32 random characters' })
    .min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().min(1).default('reportmail'),
  JWT_AUDIENCE: z.string().min(1).default('reportmail-admin'),
  JWT_EXPIRES_IN: z
    .string()
    .regex(/^\d+[smhd]$/, 'must look like 15m, 1h or 1d')
    .default('1h'),
  /** Set when a reverse proxy sits in front: its X-Forwarded-For then names the client (rate limits). */
  TRUST_PROXY: trustProxy,
  /** The session cookie (Bull Board) is `Secure` unless this is false (plain-http development only). */
  COOKIE_SECURE: envFlag(true),
  /** Lets a Prometheus scraper read /metrics with this bearer token instead of a user's JWT. */
  METRICS_TOKEN: optionalEnv(z.string().min(16, 'must be at least 16 characters')),
  ADMIN_EMAIL: z.email().default('admin@localhost.localdomain'),
  ADMIN_PASSWORD: optionalEnv(z.string().min(12, 'must be at least 12 characters')),
  /** Lets SMTP hosts resolve to loopback/private/link-local addresses (development and tests). */
  ALLOW_PRIVATE_SMTP: envFlag(false),
  /** Lets webhook URLs use plain http and reach loopback/private/link-local addresses (development and tests). */
  ALLOW_PRIVATE_WEBHOOKS: envFlag(false),
  LOGIN_ATTEMPTS_PER_15_MIN: envInteger(1, 10_000, 10),
  SENDS_PER_MINUTE: envInteger(1, 10_000, 10),
  REPORT_TIMEZONE: timeZone,
  CURRENCY_SYMBOL: z.string().min(1).default('₱'),
  CURRENCY_LOCALE: z.string().min(2).default('en-PH'),
  /** The built web console to serve at / (default: the @reportmail/console package's dist). */
  CONSOLE_DIR: optionalEnv(z.string().min(1)),
};

export type ApiConfig = z.infer<z.ZodObject<typeof apiConfigShape>>;

export function loadApiConfig(source: Record<string, string | undefined> = process.env): ApiConfig {
  return loadConfig(apiConfigShape, source);
}

/** The base of links the API hands out (PUBLIC_URL, else where it listens). */
export function publicBaseUrl(config: Pick<ApiConfig, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
}
