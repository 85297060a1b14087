import { Text, Timeline } from '@mantine/core';
import { formatInstant } from '../../lib/format';
import { useCurrency } from '../../lib/overview';
import type { DeliveryDetail } from './deliveries-api';
import { postTimelineSteps } from './post-timeline';
import { timelineSteps } from './timeline';

/**
 * Queued → generated → sent (or failed, unknown, skipped), each with its time in the delivery's zone; a
 * webhook's post: queued → posted.
 */
export function DeliveryTimeline({ delivery }: { delivery: DeliveryDetail }) {
  const currency = useCurrency();
  const { steps, reached } =
    delivery.channel === 'email' ? timelineSteps(delivery, currency) : postTimelineSteps(delivery);
  return (
    <Timeline active={reached} bulletSize={18} lineWidth={2} aria-label="What happened to this delivery">
      {steps.map((step) => (
        <Timeline.Item
          key={step.title}
          title={step.title}
          color={step.color}
          lineVariant={step.at ? 'solid' : 'dashed'}
        >
          <Text size="sm" c={step.at ? undefined : 'dimmed'}>
            {step.at ? formatInstant(step.at, delivery.timezone, { weekday: true }) : 'Not yet'}
          </Text>
          {step.text && (
            <Text size="sm" c="dimmed">
              {step.text}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
