import { AppError, invalidField } from '@reportmail/errors';
import { addDays, assertLocalDate, isValidTimeZone } from '@reportmail/reports';
import { DateTime } from 'luxon';
import type { Sql } from 'postgres';
import { integerFlag, parseFlags } from '../args.js';
import { createProgress } from '../progress.js';
import type { SeedPlan } from '../seed/generator.js';
import { shopHoldsData, truncateShop } from '../seed/loader.js';
import { seedShop } from '../seed/seed-shop.js';

export const SEED_HELP = `Usage: pnpm db:seed --payments N [--days D] [--until YYYY-MM-DD] [--tz ZONE] [--seed S] [--reset]

Loads a deterministic, realistic shop: customers, products, sales with items and 1–3 payments,
repair tickets with deposits and settlements, and some credited, void, waived and unreleased ones.
  --payments  number of payment rows (sale + repair), 1 … 20,000,000 (default 5,000)
  --days      days the payments spread over, ending on --until (default 60)
  --until     last local day (default: yesterday in the zone)
  --tz        IANA zone of the shop's days (default: REPORT_TIMEZONE)
  --seed      random seed; the same arguments always give the same rows (default 1)
  --reset     empty the shop tables first (otherwise they must be empty)`;

export type SeedDeps = { sql: Sql; timezone: string; stdout: NodeJS.WriteStream; now?: Date };

export async function runSeedCommand(deps: SeedDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    payments: { type: 'string' },
    days: { type: 'string' },
    until: { type: 'string' },
    tz: { type: 'string' },
    seed: { type: 'string' },
    reset: { type: 'boolean', default: false },
  });
  const timezone = flags.tz ?? deps.timezone;
  if (!isValidTimeZone(timezone)) throw invalidField('--tz', `unknown IANA time zone "${timezone}"`);
  const plan: SeedPlan = {
    payments: integerFlag('payments', flags.payments, 5_000, 1, 20_000_000),
    days: integerFlag('days', flags.days, 60, 1, 3_660),
    until: flags.until ?? yesterday(timezone, deps.now ?? new Date()),
    timezone,
    seed: integerFlag('seed', flags.seed, 1, 0, 2 ** 31 - 1),
  };
  assertLocalDate('--until', plan.until);
  if (flags.reset) await truncateShop(deps.sql);
  else if (await shopHoldsData(deps.sql)) {
    throw new AppError('CONFLICT', 'The shop tables already hold data: pass --reset to replace them.');
  }
  const started = performance.now();
  const progress = createProgress('Seeding payments', plan.payments);
  await seedShop(deps.sql, plan, (written) => progress.update(written));
  progress.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const first = addDays(plan.until, 1 - plan.days);
  deps.stdout.write(`Seeded ${plan.payments} payments from ${first} to ${plan.until} (${timezone}) in ${seconds} s.\n`);
}

function yesterday(timezone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timezone }).minus({ days: 1 }).toISODate() as string;
}
