import { loadConfig, type z } from '@reportmail/config';
import { apiConfigShape } from '@reportmail/http-api';
import { mailWorkerConfigShape } from '@reportmail/mail-jobs';
import { reportWorkerConfigShape } from '@reportmail/report-jobs';
import { schedulerConfigShape } from '@reportmail/scheduling';

/**
 * Every variable of the four services, parsed in one pass so that one error lists every bad one. The
 * shapes share their common variables (DATABASE_URL, REDIS_URL, SECRETS_KEY…), defined once in
 * @reportmail/config, so each part reads them as its own service would.
 */
const allInOneShape = {
  ...schedulerConfigShape,
  ...reportWorkerConfigShape,
  ...mailWorkerConfigShape,
  ...apiConfigShape,
};

export type AllInOneConfig = z.infer<z.ZodObject<typeof allInOneShape>>;

export function loadAllInOneConfig(source: Record<string, string | undefined> = process.env): AllInOneConfig {
  return loadConfig(allInOneShape, source);
}
