import { Fieldset, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../../core/domain/roles.js';
import {
  clearancePolicies,
  defaultClearances,
  useMarkingLevels,
} from '../../../lib/marking-levels.js';
import {
  isRole,
  MAX_ORGANISATIONS,
  type UserDraft,
  type UserDraftErrors,
} from '../utils/user-draft.js';
import { ClearanceSelect } from './clearance-select.js';

/** Codes are typed as they are, in Latin letters, whatever the interface's script. */
const NATION_EXAMPLES = { examples: 'US, GB', blocs: 'NATO, PFP, EAPC' };

export interface OrganisationChoice {
  value: string;
  label: string;
}

interface UserFieldsProps {
  draft: UserDraft;
  errors: UserDraftErrors;
  onChange: <K extends keyof UserDraft>(field: K, value: UserDraft[K]) => void;
  /** The organisations to choose from; null while they load. */
  organisations: OrganisationChoice[] | null;
  /** The e-mail address is given once, when the account is created. */
  withEmail: boolean;
}

/** The fields of an account: e-mail, name, role, nation, clearances and organisations. */
export function UserFields({ draft, errors, onChange, organisations, withEmail }: UserFieldsProps) {
  const { t } = useTranslation();
  const roles = ROLES.map((role) => ({ value: role, label: t(`vocab.role.${role}`) }));
  const markings = useMarkingLevels();
  const levels = markings.data?.items ?? [];
  // An untouched new account gets the deployment's defaults: show them as the starting choice.
  const defaults = withEmail ? defaultClearances(levels) : {};
  const clearances = { ...defaults, ...draft.clearances };
  const partnerNation = markings.data?.deployment.partnerNation ?? '';
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {withEmail ? (
          <TextInput
            label={t('admin.users.fields.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            value={draft.email}
            onChange={(e) => onChange('email', e.currentTarget.value)}
            error={errors.email}
            data-autofocus
          />
        ) : null}
        <TextInput
          label={t('admin.users.fields.displayName')}
          autoComplete="off"
          required
          maxLength={200}
          value={draft.displayName}
          onChange={(e) => onChange('displayName', e.currentTarget.value)}
          error={errors.displayName}
        />
        <Select
          label={t('admin.users.fields.role')}
          data={roles}
          value={draft.role}
          onChange={(value) => {
            if (isRole(value)) onChange('role', value);
          }}
          allowDeselect={false}
          required
          error={errors.role}
        />
        <TextInput
          label={t('admin.users.fields.nation')}
          description={
            withEmail
              ? t('admin.users.fields.nationHintNew', {
                  ...NATION_EXAMPLES,
                  partner: partnerNation,
                })
              : t('admin.users.fields.nationHint', NATION_EXAMPLES)
          }
          required={!withEmail}
          maxLength={6}
          placeholder={withEmail ? partnerNation : undefined}
          value={draft.nation}
          onChange={(e) => onChange('nation', e.currentTarget.value.toUpperCase())}
          error={errors.nation}
        />
      </SimpleGrid>
      <Fieldset legend={t('admin.users.fields.clearances')} variant="filled" p="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {clearancePolicies(levels).map((policy) => (
            <ClearanceSelect
              key={policy}
              policy={policy}
              value={clearances[policy] ?? ''}
              onChange={(level) => onChange('clearances', { ...clearances, [policy]: level })}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <MultiSelect
        label={t('admin.users.fields.organisations')}
        description={t('admin.users.fields.organisationsHint')}
        placeholder={
          draft.organisationIds.length === 0 ? t('admin.users.fields.organisationsNone') : undefined
        }
        data={organisations ?? []}
        value={draft.organisationIds}
        onChange={(value) => onChange('organisationIds', value)}
        searchable
        clearable
        maxValues={MAX_ORGANISATIONS}
        nothingFoundMessage={t('admin.users.fields.organisationsNothingFound')}
        disabled={organisations === null}
        error={errors.organisationIds}
        clearButtonProps={{ 'aria-label': t('admin.users.fields.organisationsClear') }}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
