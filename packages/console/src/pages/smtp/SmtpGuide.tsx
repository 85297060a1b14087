import { Accordion, Button, List, Paper, Text, Title } from '@mantine/core';
import { PROVIDERS, type ProviderSettings } from './providers';

/** Setup steps per provider; admins get a button that fills the provider's host, port and security in. */
export function SmtpGuide({ onFill }: { onFill?: (settings: ProviderSettings) => void }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="smtp-guide-title">
      <Title order={2} size="h4" id="smtp-guide-title">
        Setup guide
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Where to find the settings at common providers.
      </Text>
      <Accordion variant="separated" multiple={false}>
        {PROVIDERS.map((provider) => (
          <Accordion.Item key={provider.id} value={provider.id}>
            <Accordion.Control>{provider.name}</Accordion.Control>
            <Accordion.Panel>
              <List size="sm" spacing={6} type="ordered" style={{ overflowWrap: 'anywhere' }}>
                {provider.steps.map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
              {onFill && (
                <Button
                  mt="sm"
                  size="xs"
                  variant="light"
                  onClick={() => onFill(provider.fill)}
                  aria-label={`Fill in these settings for ${provider.name}`}
                >
                  Fill in these settings
                </Button>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Paper>
  );
}
