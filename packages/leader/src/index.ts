export { createLeaderLock, type LeaderLock, type LeaderLockOptions } from './leader-lock.js';
