import { ActionIcon, Anchor, Badge, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../../core/schemas/organisation.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { useLocalised } from '../../../lib/use-localised.js';
import type { OrganisationForest } from '../utils/tree.js';
import classes from './organisation-tree.module.css';

interface OrganisationTreeProps {
  forest: OrganisationForest;
  /** Ids of open nodes. */
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** When searching: only these are shown. */
  visible?: ReadonlySet<string> | null;
  /** When searching: these matched the query (the others lead to them). */
  matches?: ReadonlySet<string> | null;
  /** The organisation a link pointed to. */
  focusedId?: string | null;
}

interface NodeProps extends Omit<OrganisationTreeProps, 'forest'> {
  organisation: Organisation;
  childrenOf: OrganisationForest['childrenOf'];
}

function OrganisationNode({
  organisation,
  childrenOf,
  expanded,
  onToggle,
  visible,
  matches,
  focusedId,
}: NodeProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const children = (childrenOf.get(organisation.id) ?? []).filter(
    (c) => !visible || visible.has(c.id),
  );
  const open = expanded.has(organisation.id) && children.length > 0;
  const name = localiser.text(organisation.name);
  const abbreviation = localiser.text(organisation.abbreviation);
  const childrenId = `org-children-${organisation.id}`;

  return (
    <li className={classes.node} id={`organisation-${organisation.id}`}>
      <div
        className={classes.row}
        data-focused={focusedId === organisation.id || undefined}
        data-match={matches?.has(organisation.id) || undefined}
      >
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size={26}
            aria-expanded={open}
            aria-controls={open ? childrenId : undefined}
            aria-label={
              open ? t('organisations.collapse', { name }) : t('organisations.expand', { name })
            }
            onClick={() => onToggle(organisation.id)}
          >
            {open ? (
              <IconChevronDown size={18} aria-hidden />
            ) : (
              <IconChevronRight size={18} aria-hidden />
            )}
          </ActionIcon>
        ) : (
          <span className={classes.spacer} aria-hidden />
        )}
        <div className={classes.body}>
          <Group gap={6} wrap="wrap" align="baseline">
            <LocalisedText value={organisation.name} className={classes.name} />
            {abbreviation && abbreviation !== name ? (
              <Badge variant="outline" color="navy" radius="xs" size="sm" tt="none">
                {abbreviation}
              </Badge>
            ) : null}
            <Badge variant="light" color="gray" radius="xs" size="sm">
              {t(`vocab.organisationKind.${organisation.kind}`)}
            </Badge>
            {children.length > 0 && !open ? (
              <Text size="xs" c="dimmed" component="span">
                {t('organisations.unitCount', { count: children.length })}
              </Text>
            ) : null}
          </Group>
          <LocalisedText
            value={organisation.description}
            component="p"
            size="sm"
            c="dimmed"
            mt={2}
          />
          {organisation.website ? (
            <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer" size="xs">
              {organisation.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
              <IconExternalLink
                size={12}
                aria-hidden
                style={{ marginInlineStart: 3, verticalAlign: 'text-top' }}
              />
              <span className="visually-hidden">{t('common.opensInNewTab')}</span>
            </Anchor>
          ) : null}
        </div>
      </div>
      {open ? (
        <ul className={classes.children} id={childrenId}>
          {children.map((child) => (
            <OrganisationNode
              key={child.id}
              organisation={child}
              childrenOf={childrenOf}
              expanded={expanded}
              onToggle={onToggle}
              visible={visible}
              matches={matches}
              focusedId={focusedId}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** An organisation tree (ministry → sector → department; NATO HQ → division…), opened level by level. */
export function OrganisationTree({ forest, visible, ...rest }: OrganisationTreeProps) {
  const roots = forest.roots.filter((o) => !visible || visible.has(o.id));
  return (
    <ul className={classes.tree}>
      {roots.map((organisation) => (
        <OrganisationNode
          key={organisation.id}
          organisation={organisation}
          childrenOf={forest.childrenOf}
          visible={visible}
          {...rest}
        />
      ))}
    </ul>
  );
}
