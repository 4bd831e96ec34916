import { Box, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../core/domain/roles.js';
import {
  clearancePolicies,
  useClearanceName,
  useMarkingLevels,
  usePolicyName,
} from '../../../lib/marking-levels.js';
import { useLocalised } from '../../../lib/use-localised.js';

/** What the account page shows about the signed-in user (a subset of /auth/me's user). */
export interface AccountProfile {
  displayName: string;
  email: string;
  role: Role;
  nation: string;
  /** Highest rank per marking policy code; a policy not listed: public information only. */
  clearances: Record<string, number>;
  organisationIds: string[];
}

interface ProfileSummaryProps {
  profile: AccountProfile;
  /** Names of the user's organisations; null while they load or when they cannot be named. */
  organisationNames: string[] | null;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} mt={2}>
        {children}
      </Text>
    </div>
  );
}

/** Name, e-mail, role, nation, clearances by level name, and organisations, as a definition list. */
export function ProfileSummary({ profile, organisationNames }: ProfileSummaryProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const clearanceName = useClearanceName();
  const policyName = usePolicyName();
  const markings = useMarkingLevels();
  const policies = [
    ...new Set([
      ...clearancePolicies(markings.data?.items ?? []),
      ...Object.keys(profile.clearances),
    ]),
  ];
  const nation = localiser.nation(profile.nation);

  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
        gap: 'var(--mantine-spacing-md) var(--mantine-spacing-lg)',
      }}
    >
      <Fact term={t('account.profile.name')}>{profile.displayName}</Fact>
      <Fact term={t('account.profile.email')}>{profile.email}</Fact>
      <Fact term={t('account.profile.role')}>{t(`vocab.role.${profile.role}`)}</Fact>
      <Fact term={t('account.profile.nation')}>
        {nation === profile.nation ? nation : `${nation} (${profile.nation})`}
      </Fact>
      <Fact term={t('account.profile.clearances')}>
        <Stack gap={4}>
          {policies.map((policy) => (
            <div key={policy}>
              <Text span size="sm" c="dimmed">
                {policyName(policy)}:
              </Text>{' '}
              {clearanceName(policy, profile.clearances[policy] ?? 0)}
            </div>
          ))}
        </Stack>
      </Fact>
      <Fact term={t('account.profile.organisations')}>
        {profile.organisationIds.length === 0 ? (
          <Text span c="dimmed" size="sm">
            {t('account.profile.noOrganisations')}
          </Text>
        ) : organisationNames === null ? (
          <Skeleton height={14} width="70%" />
        ) : (
          <Stack gap={2}>
            {organisationNames.map((name) => (
              <span key={name}>{name}</span>
            ))}
          </Stack>
        )}
      </Fact>
    </Box>
  );
}
