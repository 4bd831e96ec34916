import { Anchor, Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isOverdue } from '../../../../core/plans/due.js';
import { LabelBadge } from '../../components/label-badge.js';
import { LocalisedText } from '../../components/localised-text.js';
import { PlanPageShell } from '../../components/plan-page-shell.js';
import { paths } from '../../config/paths.js';
import { useMe } from '../../features/auth/api/get-me.js';
import { useOrganisationsById } from '../../features/organisations/api/get-organisation-names.js';
import { CommentThread } from '../../features/comments/components/comment-thread.js';
import { usePlan } from '../../features/plans/api/get-plan.js';
import { usePlanTree } from '../../features/plans/api/get-plan-tree.js';
import { ItemStatusBadge } from '../../features/plans/components/item-status-badge.js';
import { usePlanItem } from '../../features/plans/item/api/get-plan-item.js';
import { ItemDetails } from '../../features/plans/item/components/item-details.js';
import { ItemChanges } from '../../features/plans/item/components/item-changes.js';
import { ItemHistory } from '../../features/plans/item/components/item-history.js';
import { ItemIndicators } from '../../features/indicators/components/item-indicators.js';
import { indexTree } from '../../features/plans/utils/tree.js';
import { isFinished } from '../../features/plans/utils/status.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

/** /plans/:planId/items/:itemId — one plan item: details, indicators, history and comments. */
export function PlanItemRoute() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { planId = '', itemId = '' } = useParams();
  const plan = usePlan(planId);
  const item = usePlanItem(itemId);
  const tree = usePlanTree(planId);
  const me = useMe();
  const organisations = useOrganisationsById();
  const index = useMemo(() => indexTree(tree.data?.items ?? []), [tree.data]);
  const today = new Date().toISOString().slice(0, 10);

  const planTitle = plan.data ? localiser.text(plan.data.title) : t('plans.title');
  const itemTitle = item.data ? localiser.text(item.data.title) : null;
  useDocumentTitle(item.data ? `${item.data.code} ${itemTitle}` : planTitle);

  const wrongPlan = Boolean(item.data && item.data.planId !== planId);

  return (
    <PlanPageShell
      planId={planId}
      planTitle={plan.data ? planTitle : null}
      current={item.data?.code ?? null}
      queries={[plan, item]}
      notFound={wrongPlan}
      notFoundTitle={t('planItem.notFound')}
      loadFailedTitle={t('planItem.loadFailed')}
    >
      {() =>
        plan.data && item.data ? (
          <>
            <Stack gap="xs" component="header">
              <Title order={1} fz={{ base: 24, sm: 28 }}>
                <Text span inherit c="dimmed">
                  {item.data.code}
                </Text>{' '}
                <LocalisedText value={item.data.title} inherit fallback="—" />
              </Title>
              <Group gap="xs">
                <ItemStatusBadge status={item.data.status} />
                <LabelBadge label={item.data.label} />
                {(item.data as { sampleData?: boolean }).sampleData === true ? (
                  <Badge color="grape" variant="outline" radius="xs" tt="none">
                    {t('plans.sampleData')}
                  </Badge>
                ) : null}
              </Group>
              <LocalisedText
                value={item.data.description}
                component="p"
                size="md"
                c="dimmed"
                maw={820}
                style={{ whiteSpace: 'pre-wrap' }}
              />
            </Stack>
            <ItemDetails
              item={item.data}
              plan={plan.data}
              node={index.get(item.data.id)}
              overdue={
                item.data.dueOn !== null &&
                isOverdue(item.data.dueOn, isFinished(item.data.status), today)
              }
              codeOf={(id) => index.get(id)?.code ?? '…'}
              organisationName={(id) => {
                const found = organisations.data?.get(id);
                return found ? localiser.text(found.name) : null;
              }}
            />
            <Stack gap="xs" component="section" aria-labelledby="indicators-heading">
              <Title order={2} size="h4" id="indicators-heading">
                {t('planItem.indicators')}
              </Title>
              <ItemIndicators itemId={item.data.id} canEdit={item.data.abilities.update} />
            </Stack>
            <Stack gap="xs" component="section" aria-labelledby="history-heading">
              <Title order={2} size="h4" id="history-heading">
                {t('planItem.history')}
              </Title>
              <ItemHistory itemId={item.data.id} />
              <Title order={3} size="h5" mt="sm">
                {t('planItem.changes.title')}
              </Title>
              <ItemChanges itemId={item.data.id} />
            </Stack>
            {me.data ? (
              <Box maw={860}>
                <CommentThread itemId={item.data.id} recordLabel={item.data.label} />
              </Box>
            ) : me.isPending ? null : (
              <Stack gap="xs" component="section">
                <Title order={2} size="h4">
                  {t('comments.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  <Anchor component={Link} to={paths.signInThen(paths.planItem(planId, itemId))}>
                    {t('comments.signIn')}
                  </Anchor>
                </Text>
              </Stack>
            )}
          </>
        ) : null
      }
    </PlanPageShell>
  );
}
