import { Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { AdminOnly } from '../../app/session';
import { ChannelBadge } from '../../components/ChannelBadge';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { DeliveryEmail } from './DeliveryEmail';
import { DeliveryError } from './DeliveryError';
import { DeliveryRecipients } from './DeliveryRecipients';
import { DeliveryRevenue } from './DeliveryRevenue';
import { DeliveryTimeline } from './DeliveryTimeline';
import { DeliveryWorkbook } from './DeliveryWorkbook';
import { type DeliveryDetail, deliveryQuery } from './deliveries-api';
import { triggerLabel } from './labels';
import { ResendButton } from './ResendButton';
import { Section } from './Section';
import { WebhookPost } from './WebhookPost';

/**
 * One delivery: how it went, what it counted, who got it, the workbook and the email itself; for a report
 * posted to Slack or a webhook, where it went, the receiver's answer and its email delivery.
 */
export function DeliveryDetailPage() {
  const { id = '' } = useParams();
  const delivery = useQuery(deliveryQuery(id));
  return (
    <>
      <Anchor component={Link} to="/deliveries" size="sm">
        ← Back to the delivery log
      </Anchor>
      {/* The screen's one h1 while the delivery loads or cannot be shown; then it names the delivery. */}
      {!delivery.data && <PageHeader title="Delivery" />}
      <QueryState query={delivery} what="the delivery">
        {(detail) => <DeliveryView delivery={detail} />}
      </QueryState>
    </>
  );
}

function DeliveryView({ delivery }: { delivery: DeliveryDetail }) {
  const schedule = delivery.scheduleName ?? 'Deleted schedule';
  return (
    <>
      <PageHeader
        title={`${delivery.periodLabel} · ${schedule}`}
        description={
          <Group gap="xs" component="span">
            <StatusBadge status={delivery.status} />
            <ChannelBadge channel={delivery.channel} />
            <Text span size="sm">
              {triggerLabel(delivery.trigger)} · times in {delivery.timezone}
            </Text>
          </Group>
        }
        actions={
          <AdminOnly>
            <ResendButton delivery={delivery} />
          </AdminOnly>
        }
      />
      <Stack gap="md">
        <DeliveryError delivery={delivery} />
        {delivery.channel === 'email' ? <EmailDelivery delivery={delivery} /> : <PostedDelivery delivery={delivery} />}
      </Stack>
    </>
  );
}

function EmailDelivery({ delivery }: { delivery: DeliveryDetail }) {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Section title="Progress">
            <DeliveryTimeline delivery={delivery} />
          </Section>
          <Section title="Workbook">
            <DeliveryWorkbook delivery={delivery} />
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Section title="Revenue">
            <DeliveryRevenue delivery={delivery} />
          </Section>
          <Section title="Recipients">
            <DeliveryRecipients delivery={delivery} />
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={12}>
        <Section title="The email as it was sent">
          <DeliveryEmail delivery={delivery} />
        </Section>
      </Grid.Col>
    </Grid>
  );
}

/** A report posted to Slack or a webhook: no email, recipients or workbook of its own (its report's are). */
function PostedDelivery({ delivery }: { delivery: DeliveryDetail }) {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Section title="Progress">
          <DeliveryTimeline delivery={delivery} />
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Section title={delivery.channel === 'slack' ? 'Slack' : 'Webhook'}>
            <WebhookPost delivery={delivery} />
          </Section>
          <Section title="Revenue">
            <DeliveryRevenue delivery={delivery} />
          </Section>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
