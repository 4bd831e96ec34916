/** The organisations as choices for a picker: id and "Name (ABBR)" in the reader's language. */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Organisation } from '../../../../../core/schemas/organisation.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { organisationsQueryOptions } from './get-organisations.js';

export interface OrganisationOption {
  value: string;
  label: string;
}

export function useOrganisationOptions() {
  const localiser = useLocalised();
  const select = useCallback(
    (organisations: Organisation[]): OrganisationOption[] =>
      organisations
        .map((o) => {
          const name = localiser.text(o.name);
          const abbreviation = localiser.text(o.abbreviation);
          return {
            value: o.id,
            label: abbreviation && abbreviation !== name ? `${name} (${abbreviation})` : name,
          };
        })
        .sort((a, b) => localiser.compare(a.label, b.label)),
    [localiser],
  );
  return useQuery({ ...organisationsQueryOptions(), select });
}
