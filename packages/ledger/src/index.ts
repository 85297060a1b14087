export {
  type ClaimInput,
  type ClaimResult,
  claimScheduledDelivery,
  DATA_STARTED_NO_OUTCOME,
  type Delivery,
  type DeliveryStatus,
  findDelivery,
  type Recipients,
  transitionDelivery,
} from './delivery-ledger.js';
export { type ManualDelivery, queueManualDelivery } from './manual-delivery.js';
export { fanOutToWebhooks, redeliverWebhook } from './webhook-deliveries.js';
