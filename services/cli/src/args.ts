import { isAbsolute, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError, invalidField } from '@reportmail/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into validation errors that name the flag. */
export function parseFlags<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION', `${message.replace(/\. To specify a positional.*$/s, '')} (see --help)`);
  }
}

/** A whole number flag within bounds. */
export function integerFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidField(`--${name}`, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Paths on the command line are relative to where the user ran `pnpm`, not to the package. */
export function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
