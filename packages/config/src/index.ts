import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

export { z };

export type Environment = Record<string, string | undefined>;

/** The variables of the `.env` file in `dir`, read by Node's own parser; none when there is no file. */
export function readDotEnv(dir: string = process.cwd()): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(dir, '.env'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return Object.fromEntries(
    Object.entries(parseEnv(text)).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The variables with a value: an empty one counts as unset, as everywhere in the configuration. */
function setOnly(variables: Environment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).filter((entry): entry is [string, string] => Boolean(entry[1]?.trim())),
  );
}

/**
 * What a program is configured with: the environment over the `.env` file in `dir` (every command and
 * service runs from the repository root). A variable set in the environment wins; empty values count as
 * unset on both sides, so `SECRETS_KEY=` in the file or `LOG_LEVEL=` in the environment changes nothing.
 */
export function withDotEnv(env: Environment = process.env, dir: string = process.cwd()): Environment {
  return { ...setOnly(readDotEnv(dir)), ...setOnly(env) };
}

/** An environment string where an empty value counts as unset. */
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const databaseUrl = z.preprocess(
  unsetIfEmpty,
  z
    .string({
      error: 'is required (e.g. postgres://postgres@127.0.0.1:5432/reportmail)',
    })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
);

export const redisUrl = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
);

export const logLevel = z.preprocess(
  unsetIfEmpty,
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
);

export const timeZone = z.preprocess(
  unsetIfEmpty,
  z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Manila').default('Asia/Manila'),
);

/** SECRETS_KEY: comma-separated `keyId:base64key` entries; the first one encrypts, all decrypt. */
export const secretsKey = z.preprocess(
  unsetIfEmpty,
  z
    .string({ error: 'is required: keyId:base64 of 32 random bytes (see .env.example)' })
    .refine(
      (value) => value.split(',').every((entry) => /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{43,44}$/.test(entry.trim())),
      'must be keyId:base64key entries, each key 32 bytes of base64, separated by commas',
    ),
);

/** `true`/`false`/`1`/`0`; unset or empty gives the fallback. */
export const envFlag = (fallback: boolean) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  );

/** A whole number from the environment; an empty value counts as unset (coercion would read it as 0). */
export const envInteger = (min: number, max: number, fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));

/** An optional string variable; an empty value counts as unset. */
export const optionalEnv = (schema: z.ZodType<string>) => z.preprocess(unsetIfEmpty, schema.optional());

/** BullMQ's key prefix, shared by every service of one installation. */
export const redisPrefix = z.preprocess(unsetIfEmpty, z.string().trim().min(1).default('reportmail'));

/** BullMQ job lock timings of a worker: a job whose worker died is taken over after about this long. */
export const workerLockTimings = {
  WORKER_LOCK_DURATION_MS: envInteger(1_000, 600_000, 30_000),
  WORKER_STALLED_INTERVAL_MS: envInteger(100, 600_000, 30_000),
};

/**
 * SHUTDOWN_GRACE_MS: after SIGTERM a worker finishes its current jobs for at most this long, then exits
 * anyway; below the 30 s after which `pnpm start`'s supervisor (and Docker's stop_grace_period) kills it.
 */
export const shutdownGraceMs = envInteger(1_000, 600_000, 25_000);

/**
 * EVENT_LOOP_STALL_MS: how long a service's event loop may stay blocked before its watchdog kills the
 * process so that it is restarted; far above any legitimate synchronous stretch, far below "minutes".
 */
export const eventLoopStallMs = envInteger(1_000, 600_000, 30_000);

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** Every problem in one message, one line per variable. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses the environment once against a schema built from the fields above.
 * Throws a ConfigError naming every bad or missing variable, never the first one only.
 * Given the process's own environment (every service's default), `.env` fills in what it leaves unset
 * (see withDotEnv); any other object, a test's or one a parent process computed, is taken as it is.
 */
export function loadConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  source: Environment = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(source === process.env ? withDotEnv(source) : source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`);
  throw new ConfigError(problems);
}
