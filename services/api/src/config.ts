import { databaseUrl, envInteger, loadConfig, logLevel, optionalEnv, z } from '@reportmail/config';

const shape = {
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: logLevel,
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: envInteger(1, 65_535, 3000),
  JWT_SECRET: z
    .string({ error: 'is required: at least 32 random characters' })
    .min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().min(1).default('reportmail'),
  JWT_AUDIENCE: z.string().min(1).default('reportmail-admin'),
  JWT_EXPIRES_IN: z
    .string()
    .regex(/^\d+[smhd]$/, 'must look like 15m, 1h or 1d')
    .default('1h'),
  ADMIN_EMAIL: z.email().default('admin@localhost.localdomain'),
  ADMIN_PASSWORD: optionalEnv(z.string().min(12, 'must be at least 12 characters')),
};

export type ApiConfig = z.infer<z.ZodObject<typeof shape>>;

export function loadApiConfig(source: Record<string, string | undefined> = process.env): ApiConfig {
  return loadConfig(shape, source);
}
