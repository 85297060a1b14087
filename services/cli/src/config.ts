import { databaseUrl, loadConfig, logLevel, timeZone, z } from '@reportmail/config';

const cliConfigShape = {
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: logLevel,
  REPORT_TIMEZONE: timeZone,
  CURRENCY_SYMBOL: z.string().min(1).default('₱'),
  CURRENCY_LOCALE: z
    .string()
    .refine((locale) => Intl.NumberFormat.supportedLocalesOf([locale]).length > 0, 'must be a locale such as en-PH')
    .default('en-PH'),
};

export type CliConfig = z.infer<z.ZodObject<typeof cliConfigShape>>;

export function loadCliConfig(source: Record<string, string | undefined> = process.env): CliConfig {
  return loadConfig(cliConfigShape, source);
}
