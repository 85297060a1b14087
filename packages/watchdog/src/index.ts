export { type ShutdownDeadline, startShutdownDeadline } from './shutdown-deadline.js';
export {
  type EventLoopDelay,
  type EventLoopWatchdog,
  type EventLoopWatchdogOptions,
  startEventLoopWatchdog,
  type WatchdogLogger,
} from './watchdog.js';
