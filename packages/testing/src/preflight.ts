import { checkTestServers, testServerUrls } from './test-servers.js';

/**
 * `pnpm test`'s first step, before the typecheck: a missing server is one clear line in seconds rather
 * than a failure at the end of a long run. Exits 1 when PostgreSQL or Redis does not answer.
 */
async function main(): Promise<number> {
  const problems = await checkTestServers(process.env);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) return 1;
  const { databaseUrl, redisUrl } = testServerUrls(process.env);
  const where = (url: string) => new URL(url).host;
  process.stdout.write(`Test servers answer: PostgreSQL ${where(databaseUrl)}, Redis ${where(redisUrl)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`preflight: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
