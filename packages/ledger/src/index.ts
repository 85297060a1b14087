export {
  type ClaimInput,
  type ClaimResult,
  claimScheduledDelivery,
  type Delivery,
  type DeliveryStatus,
  findDelivery,
  type Recipients,
  transitionDelivery,
} from './delivery-ledger.js';
export { type ManualDelivery, queueManualDelivery } from './manual-delivery.js';
