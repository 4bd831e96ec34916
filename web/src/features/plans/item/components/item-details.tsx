import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan, PlanItem, PlanTreeNode } from '../../../../../../core/schemas/plan.js';
import { paths } from '../../../../config/paths.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { DueDate } from '../../components/due-date.js';
import { RollupProgress, useRollupExplanation } from '../../components/rollup-progress.js';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} component="dt">
        {term}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** Level, owners, dates, weight, budget and the rolled-up progress with its rule and inputs. */
export function ItemDetails({
  item,
  plan,
  node,
  overdue,
  codeOf,
  organisationName,
}: {
  item: PlanItem;
  plan: Plan;
  /** The item in the plan tree, with its roll-up; undefined while the tree loads. */
  node: PlanTreeNode | undefined;
  overdue: boolean;
  codeOf: (id: string) => string;
  /** An organisation's name in the reader's language; null while unknown. */
  organisationName: (id: string) => string | null;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const explain = useRollupExplanation();
  const level = plan.levels.find((l) => l.depth === item.depth);

  const organisation = (id: string) => {
    return (
      <Anchor component={Link} to={paths.organisation(id)} size="sm">
        {organisationName(id) ?? t('planItem.unknownOrganisation')}
      </Anchor>
    );
  };
  // A reference the reader may not see is shown without its name or id.
  const withheld = (
    <Text span size="sm" c="dimmed">
      {t('planDashboard.institutions.hidden')}
    </Text>
  );
  const withheldPartners = (
    <Text span size="sm" c="dimmed">
      {t('planItem.withheldPartners')}
    </Text>
  );
  const start = item.startOn
    ? localiser.date({
        date: item.startOn,
        precision: item.startOn.length === 7 ? 'month' : 'day',
      })
    : null;
  const budget = item.budget;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={t('planItem.details')}>
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 4 }}
        spacing="md"
        verticalSpacing="md"
        component="dl"
        m={0}
      >
        <Fact term={t('planItem.level')}>
          {level ? localiser.text(level.name) : String(item.depth + 1)}
        </Fact>
        <Fact term={t('planItem.lead')}>
          {item.leadOrganisationId
            ? organisation(item.leadOrganisationId)
            : item.leadOrganisationWithheld
              ? withheld
              : '—'}
        </Fact>
        <Fact term={t('planItem.responsible')}>
          {item.responsibleUser
            ? item.responsibleUser.displayName
            : item.responsibleUserWithheld
              ? withheld
              : '—'}
        </Fact>
        <Fact term={t('planItem.partners')}>
          {item.partnerOrganisationIds.length === 0 && !item.partnerOrganisationsWithheld ? (
            '—'
          ) : (
            <Group component="span" gap={4} wrap="wrap">
              {item.partnerOrganisationIds.map((id, index) => (
                <span key={id}>
                  {organisation(id)}
                  {index < item.partnerOrganisationIds.length - 1 ||
                  item.partnerOrganisationsWithheld
                    ? ','
                    : ''}
                </span>
              ))}
              {item.partnerOrganisationsWithheld ? (
                <span>{item.partnerOrganisationIds.length > 0 ? withheldPartners : withheld}</span>
              ) : null}
            </Group>
          )}
        </Fact>
        <Fact term={t('planItem.start')}>{start ?? '—'}</Fact>
        <Fact term={t('planItem.due')}>
          <DueDate value={item.dueOn} overdue={overdue} />
        </Fact>
        <Fact term={t('planItem.weight')}>{localiser.number(item.weight)}</Fact>
        <Fact term={t('planItem.budget')}>
          {budget && budget.amount !== null
            ? `${localiser.number(budget.amount)}${budget.currency ? ` ${budget.currency}` : ''}`
            : '—'}
          {budget?.fundingSource ? (
            <Text span size="xs" c="dimmed" display="block">
              {t(`planItem.funding.${budget.fundingSource}` as 'planItem.funding.other')}
            </Text>
          ) : null}
        </Fact>
        <Fact term={t('planItem.progress')}>
          {node ? (
            <Stack gap={4} component="span">
              <RollupProgress rollup={node.rollup} codeOf={codeOf} />
              <Text span size="xs" c="dimmed">
                {explain(node.rollup).join('; ')}
              </Text>
            </Stack>
          ) : item.manualProgress !== null ? (
            `${localiser.number(item.manualProgress)} %`
          ) : (
            '—'
          )}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
