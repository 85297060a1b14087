import { type ApiConfig, loadApiConfig, startApi } from '@reportmail/http-api';
import { createLogger } from '@reportmail/logger';
import { startEventLoopWatchdog } from '@reportmail/watchdog';

async function main(): Promise<void> {
  const config: ApiConfig = loadApiConfig();
  const logger = createLogger({ service: 'api', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'api', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const api = await startApi(config, logger, watchdog);
  if (api.generatedAdmin) {
    const { email, password } = api.generatedAdmin;
    // Shown once, on the terminal only: the log never carries it.
    process.stdout.write(`First admin created: ${email} / ${password} (change it after signing in)\n`);
  }

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping: finishing requests in flight');
    await api.stop();
    await watchdog.stop();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
