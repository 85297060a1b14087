import { mailWorkerKills } from './mail-kills.js';
import { postgresOutage, redisLongOutage, redisShortOutage } from './outage.js';
import { outboxFull } from './outbox-full.js';
import { redisRestartedEmpty } from './redis-empty.js';
import { reportWorkerKills } from './report-kills.js';
import type { Scenario } from './scenario.js';
import { schedulerPause } from './scheduler-pause.js';
import { sigtermInFlight } from './sigterm.js';
import { smtpReplies } from './smtp-replies.js';
import { thousandDue } from './thousand-due.js';
import { webhookOutage } from './webhook-outage.js';

/** Every scenario of `pnpm faults`, in the order issue 13 numbers them (11: issue 15's webhooks). */
export const SCENARIOS: Scenario[] = [
  mailWorkerKills,
  reportWorkerKills,
  schedulerPause,
  redisShortOutage,
  redisLongOutage,
  redisRestartedEmpty,
  postgresOutage,
  smtpReplies,
  outboxFull,
  thousandDue,
  sigtermInFlight,
  webhookOutage,
];
