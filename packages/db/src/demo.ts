/**
 * The schedule `pnpm demo` saves; finding it is how the demo, its clean-up and the console's first-run
 * checklist know that the shop data is the demo's.
 */
export const DEMO_SCHEDULE_NAME = 'Demo: daily revenue report';
