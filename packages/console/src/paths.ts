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
