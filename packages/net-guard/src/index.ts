export { type ForbiddenAddressKind, forbiddenAddressKind, isMetadataHostName } from './address-kind.js';
export { ForbiddenAddressError, guardedLookup } from './guarded-lookup.js';
export { type HostProblem, hostProblem, resolveAll } from './resolve.js';
