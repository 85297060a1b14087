// The services' real configuration loaders (their packages', and the CLI's from source): what the deploy files set must parse
// with exactly these.
import { loadApiConfig } from '@reportmail/http-api';
import { loadMailWorkerConfig } from '@reportmail/mail-jobs';
import { loadReportWorkerConfig } from '@reportmail/report-jobs';
import { loadSchedulerConfig } from '@reportmail/scheduling';
import { loadAllInOneConfig } from '../../../services/all-in-one/src/config.js';
import { loadCliConfig } from '../../../services/cli/src/config.js';

export type Environment = Record<string, string | undefined>;
type ConfigLoader = (source: Environment) => object;

export const CONFIG_LOADERS: Record<string, ConfigLoader> = {
  'services/all-in-one': loadAllInOneConfig,
  'services/api': loadApiConfig,
  'services/cli': loadCliConfig,
  'services/mail-worker': loadMailWorkerConfig,
  'services/report-worker': loadReportWorkerConfig,
  'services/scheduler': loadSchedulerConfig,
};

/**
 * Parses the environment with the service's own loader (throws its ConfigError listing every problem),
 * and returns the variables it does not know: the config keeps every key of its shape that was given,
 * even an empty one, and drops the others, so what is missing from its result is a typo or a leftover.
 */
export function unknownVariables(serviceDir: string, environment: Environment): string[] {
  const load = CONFIG_LOADERS[serviceDir];
  if (!load) throw new Error(`no config loader registered for ${serviceDir}`);
  const known = new Set(Object.keys(load(environment)));
  return Object.keys(environment).filter((name) => !known.has(name));
}

/** Values in the formats the configs demand, standing in for secrets an operator provides. */
export const SAMPLE_SECRETS = {
  SECRETS_KEY: `sample:${Buffer.alloc(32, 1).toString('base64')}`,
  JWT_SECRET: 'sample-jwt-secret-of-at-least-32-characters',
};
