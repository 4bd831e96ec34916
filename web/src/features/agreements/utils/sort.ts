/** Sorting the register in the reader's language: titles and kinds by the words they see. */
import { partialDateSortKey } from '../../../../../core/dates/partial-date.js';
import type { Agreement } from '../../../../../core/schemas/agreement.js';
import type { Localiser } from '../../../lib/localise.js';
import type { AgreementFilters } from './filters.js';

type DateValue = Agreement['signedOn'];

function dateKey(value: DateValue): string | null {
  if (!value) return null;
  try {
    return partialDateSortKey(value.date);
  } catch {
    return value.date;
  }
}

/** Undated or untitled entries go last whichever way the column is sorted. */
function compareNullable<T>(
  a: T | null,
  b: T | null,
  compare: (a: T, b: T) => number,
  sign: number,
) {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  return sign * compare(a, b);
}

export function sortAgreements(
  agreements: readonly Agreement[],
  { sort, order }: Pick<AgreementFilters, 'sort' | 'order'>,
  localiser: Localiser,
  label: { kind: (a: Agreement) => string; status: (a: Agreement) => string },
): Agreement[] {
  const sign = order === 'asc' ? 1 : -1;
  const text = (a: Agreement): string => {
    switch (sort) {
      case 'kind':
        return label.kind(a);
      case 'status':
        return label.status(a);
      case 'parties':
        return localiser.text(a.parties);
      default:
        return localiser.text(a.shortTitle) || localiser.text(a.title);
    }
  };
  const byTitle = (a: Agreement, b: Agreement) =>
    localiser.compare(localiser.text(a.title), localiser.text(b.title));
  return [...agreements].sort((a, b) => {
    let result: number;
    if (sort === 'signedOn' || sort === 'ratifiedOn' || sort === 'inForceFrom') {
      result = compareNullable(
        dateKey(a[sort]),
        dateKey(b[sort]),
        (x, y) => x.localeCompare(y),
        sign,
      );
    } else {
      result = compareNullable(text(a), text(b), localiser.compare, sign);
    }
    return result !== 0 ? result : byTitle(a, b);
  });
}
