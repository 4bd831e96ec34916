import { Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconTimeline } from '@tabler/icons-react';
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Mechanism } from '@core/schemas/mechanism.js';
import type { Organisation } from '@core/schemas/organisation.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import classes from './mechanism-tree.module.css';

/** What the tree needs to name a lead organisation. */
export type LeadOrganisation = Pick<Organisation, 'id' | 'name' | 'abbreviation'>;

interface MechanismTreeProps {
  mechanisms: readonly Mechanism[];
  organisations: ReadonlyMap<string, LeadOrganisation>;
  /** Where the timeline shows this mechanism's events, if it has a category of its own. */
  timelineHref?: (mechanism: Mechanism) => string | null;
  /** Opened and outlined (the mechanism a link pointed to). */
  highlightedId?: string | null;
  /** Heading level of the top-level mechanisms; nested ones go one deeper. */
  headingOrder?: 2 | 3;
}

interface NodeProps extends Omit<MechanismTreeProps, 'mechanisms' | 'headingOrder'> {
  mechanism: Mechanism;
  childrenOf: ReadonlyMap<string | null, Mechanism[]>;
  order: 2 | 3 | 4 | 5 | 6;
}

function deeper(order: NodeProps['order']): NodeProps['order'] {
  return Math.min(order + 1, 6) as NodeProps['order'];
}

function MechanismNode({
  mechanism,
  childrenOf,
  order,
  organisations,
  timelineHref,
  highlightedId,
}: NodeProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const highlighted = highlightedId === mechanism.id;
  const [expanded, setExpanded] = useState(highlighted);
  const detailsId = useId();
  const children = childrenOf.get(mechanism.id) ?? [];
  const abbreviation = localiser.text(mechanism.abbreviation);
  const leads = mechanism.leadOrganisationIds
    .map((id) => organisations.get(id))
    .filter((o): o is LeadOrganisation => Boolean(o));
  const hasDetails = Boolean(
    localiser.pick(mechanism.description) ?? localiser.pick(mechanism.policyBasis),
  );
  const timeline = timelineHref?.(mechanism) ?? null;

  return (
    <li id={`mechanism-${mechanism.id}`} className={classes.node}>
      <Paper
        withBorder
        p="md"
        radius="sm"
        className={classes.card}
        data-highlighted={highlighted || undefined}
      >
        <Stack gap="xs">
          <Group gap="xs" align="baseline" wrap="wrap">
            <Title order={order} fz={order <= 3 ? 19 : 17}>
              <LocalisedText value={mechanism.name} inherit />
            </Title>
            {abbreviation && abbreviation !== localiser.text(mechanism.name) ? (
              <Badge variant="outline" color="navy" radius="xs" tt="none">
                {abbreviation}
              </Badge>
            ) : null}
            <Badge variant="light" color="gray" radius="xs">
              {t(`vocab.mechanismKind.${mechanism.kind}`)}
            </Badge>
          </Group>

          <dl className={classes.facts}>
            {mechanism.startedOn ? (
              <>
                <dt>{t('mechanisms.started')}</dt>
                <dd>{localiser.date(mechanism.startedOn)}</dd>
              </>
            ) : null}
            {leads.length > 0 ? (
              <>
                <dt>{t('mechanisms.ledBy', { count: leads.length })}</dt>
                <dd>
                  {leads.map((lead, index) => (
                    <Fragment key={lead.id}>
                      {index > 0 ? '; ' : null}
                      <Anchor component={Link} to={paths.organisation(lead.id)} size="sm">
                        <LocalisedText value={lead.name} inherit />
                      </Anchor>
                    </Fragment>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>

          <Group gap="xs">
            {hasDetails ? (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={
                  expanded ? (
                    <IconChevronDown size={16} aria-hidden />
                  ) : (
                    <IconChevronRight size={16} aria-hidden />
                  )
                }
                aria-expanded={expanded}
                aria-controls={detailsId}
                onClick={() => setExpanded((v) => !v)}
              >
                {expanded ? t('mechanisms.hideDetails') : t('mechanisms.showDetails')}
              </Button>
            ) : null}
            {timeline ? (
              <Button
                component={Link}
                to={timeline}
                variant="subtle"
                size="compact-sm"
                leftSection={<IconTimeline size={16} aria-hidden />}
              >
                {t('mechanisms.inTimeline')}
              </Button>
            ) : null}
          </Group>

          <Collapse expanded={expanded} id={detailsId}>
            <Stack gap="sm" pt={4}>
              <LocalisedText
                value={mechanism.description}
                component="p"
                size="sm"
                style={{ whiteSpace: 'pre-line' }}
              />
              {localiser.pick(mechanism.policyBasis) ? (
                <div>
                  <Text size="sm" fw={600} component="p">
                    {t('mechanisms.policyBasis')}
                  </Text>
                  <LocalisedText value={mechanism.policyBasis} component="p" size="sm" />
                </div>
              ) : null}
            </Stack>
          </Collapse>
        </Stack>
      </Paper>

      {children.length > 0 ? (
        <ul
          className={classes.children}
          aria-label={t('mechanisms.beneath', { name: localiser.text(mechanism.name) })}
        >
          {children.map((child) => (
            <MechanismNode
              key={child.id}
              mechanism={child}
              childrenOf={childrenOf}
              order={deeper(order)}
              organisations={organisations}
              timelineHref={timelineHref}
              highlightedId={highlightedId}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The cooperation mechanisms as a tree (PfP with IPAP, PARP, DRG beneath it; KFOR cooperation
 * and NATO PA beside it), each with its kind, start, leads and, on request, its details.
 */
export function MechanismTree({ mechanisms, headingOrder = 3, ...rest }: MechanismTreeProps) {
  const { t } = useTranslation();
  const ids = new Set(mechanisms.map((m) => m.id));
  const childrenOf = new Map<string | null, Mechanism[]>();
  for (const mechanism of mechanisms) {
    // A parent the reader may not see puts its child at the top level rather than hiding it.
    const parent = mechanism.parentId && ids.has(mechanism.parentId) ? mechanism.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(mechanism);
    childrenOf.set(parent, siblings);
  }
  const roots = childrenOf.get(null) ?? [];
  return (
    <ul className={classes.tree} aria-label={t('mechanisms.treeLabel')}>
      {roots.map((mechanism) => (
        <MechanismNode
          key={mechanism.id}
          mechanism={mechanism}
          childrenOf={childrenOf}
          order={headingOrder}
          {...rest}
        />
      ))}
    </ul>
  );
}
