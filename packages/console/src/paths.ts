/**
 * The console's own addresses. The API answers each (and anything under it) with the app's index.html,
 * so a bookmarked or reloaded page opens; every other path keeps the API's own 404.
 */
export const CONSOLE_PATHS = {
  home: '/',
  signIn: '/sign-in',
  smtp: '/smtp',
  schedules: '/schedules',
  deliveries: '/deliveries',
  users: '/users',
  audit: '/audit',
  account: '/account',
} as const;

/** The anchor of a schedule's "Slack and webhooks" section on its page. */
export const WEBHOOKS_ANCHOR = 'webhooks';

/** A schedule's page, scrolled to its webhooks (links from a webhook's delivery). */
export const scheduleWebhooksPath = (scheduleId: string) =>
  `${CONSOLE_PATHS.schedules}/${scheduleId}#${WEBHOOKS_ANCHOR}`;
