import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '../../../../../core/domain/vocabularies.js';
import { STATUS_COLORS } from '../utils/status.js';

/** The instrument's status in words, coloured by whether it binds now. */
export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      radius="xs"
      size="md"
      tt="none"
      fw={600}
      styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {t(`vocab.agreementStatus.${status}`)}
    </Badge>
  );
}
