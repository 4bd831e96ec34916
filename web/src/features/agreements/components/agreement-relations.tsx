import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementDetail } from '../../../../../core/schemas/agreement.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';

type Relation = AgreementDetail['relations'][number];

/**
 * How this instrument stands to others, phrased from its own point of view: "Supersedes IPAP
 * 2015" for an outgoing relation, "Superseded by IPAP 2019–2021" for an incoming one.
 */
export function AgreementRelations({ relations }: { relations: readonly Relation[] }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (relations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('agreements.detail.noRelations')}
      </Text>
    );
  }
  return (
    <List spacing="xs" size="sm" listStyleType="disc">
      {relations.map((relation) => (
        <List.Item key={relation.id}>
          <Text size="sm" component="span">
            {t(`agreements.relation.${relation.kind}.${relation.direction}`)}{' '}
          </Text>
          <Anchor component={Link} to={paths.agreement(relation.otherId)} size="sm" fw={600}>
            <LocalisedText value={relation.otherTitle} inherit />
          </Anchor>
          {localiser.pick(relation.note) ? (
            <LocalisedText value={relation.note} component="p" size="xs" c="dimmed" mt={2} />
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}
