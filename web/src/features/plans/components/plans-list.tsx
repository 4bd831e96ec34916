import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../../../../../core/schemas/plan.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { PlanApprovalSteps } from '../plan-editor/index.js';
import { PlanCardProgress } from './plan-card-progress.js';

/** The action plans as cards: title, code, period, status, progress, approval steps and the levels items nest in. */
export function PlansList({ plans }: { plans: Plan[] }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  return (
    <SimpleGrid
      cols={{ base: 1, md: 2 }}
      spacing="md"
      component="ul"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {plans.map((plan) => (
        <Card key={plan.id} withBorder component="li" padding="lg">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={paths.plan(plan.id)} fw={600} size="lg">
                <LocalisedText value={plan.title} inherit />
              </Anchor>
              <Badge variant="light" tt="none" style={{ flexShrink: 0 }}>
                {t(`plans.planStatus.${plan.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              <Text span ff="monospace" size="sm">
                {plan.code}
              </Text>
              {' · '}
              {t('plans.period', {
                from: plan.periodStart
                  ? localiser.date({ date: plan.periodStart, precision: 'day' })
                  : '…',
                to: plan.periodEnd
                  ? localiser.date({ date: plan.periodEnd, precision: 'day' })
                  : '…',
              })}
            </Text>
            <PlanCardProgress planId={plan.id} />
            <PlanApprovalSteps plan={plan} compact />
            <Text size="sm">
              {t('plans.levels', {
                levels: plan.levels.map((level) => localiser.text(level.name)).join(' › '),
              })}
            </Text>
            {plan.sampleData ? (
              <Badge color="orange" variant="outline" tt="none" size="sm">
                {t('plans.sampleData')}
              </Badge>
            ) : null}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
