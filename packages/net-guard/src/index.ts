export { type ForbiddenAddressKind, forbiddenAddressKind, isMetadataHostName } from './address-kind.js';
export { ForbiddenAddressError, guardedLookup } from './guarded-lookup.js';
export { resolveAll } from './resolve.js';
