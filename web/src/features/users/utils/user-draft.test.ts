import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../../../core/schemas/user.js';
import { ApiError } from '../../../lib/api-client.js';
import { changesBetween, draftOf, userSaveErrors, validateUserDraft } from './user-draft.js';

const t = ((key: string) => key) as unknown as TFunction;

const ana: User = {
  id: '0192d7a0-7c1e-7000-8000-000000000001',
  version: 3,
  email: 'ana@mod.gov.rs',
  displayName: 'Ana Marković',
  role: 'editor',
  nation: 'XR',
  clearances: [
    { policy: 'NATO', level: 'NATO_UNCLASSIFIED', rank: 1 },
    { policy: 'XR', level: 'RESTRICTED_XR', rank: 1 },
  ],
  organisationIds: ['a', 'b'],
  disabled: false,
  locked: false,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('an account form', () => {
  it('asks for an e-mail address, a name and a nation code the server accepts', () => {
    const errors = validateUserDraft(
      { ...draftOf(ana), email: 'ana', displayName: ' ', nation: 'Serbia' },
      t,
    );
    expect(errors).toEqual({
      email: 'admin.users.errors.emailInvalid',
      displayName: 'admin.users.errors.nameRequired',
      nation: 'admin.users.errors.nationInvalid',
    });
    expect(validateUserDraft({ ...draftOf(ana), nation: 'NATO' }, t)).toEqual({});
  });

  it('sends only what was changed, and organisations in any order count as the same', () => {
    expect(changesBetween(ana, { ...draftOf(ana), organisationIds: ['b', 'a'] })).toEqual({});
    const raised = { NATO: 'NATO_UNCLASSIFIED', XR: 'CONFIDENTIAL_XR' };
    expect(
      changesBetween(ana, { ...draftOf(ana), role: 'coordinator', clearances: raised }),
    ).toEqual({
      role: 'coordinator',
      clearances: [
        { policy: 'NATO', level: 'NATO_UNCLASSIFIED' },
        { policy: 'XR', level: 'CONFIDENTIAL_XR' },
      ],
    });
    // "Public information only" in a policy: the clearance in it is left out.
    expect(
      changesBetween(ana, { ...draftOf(ana), clearances: { NATO: 'NATO_UNCLASSIFIED', XR: '' } }),
    ).toEqual({ clearances: [{ policy: 'NATO', level: 'NATO_UNCLASSIFIED' }] });
    // The same clearances in another order are no change.
    expect(
      changesBetween(ana, {
        ...draftOf(ana),
        clearances: { XR: 'RESTRICTED_XR', NATO: 'NATO_UNCLASSIFIED' },
      }),
    ).toEqual({});
  });

  it('puts a taken e-mail address under the e-mail field', () => {
    const error = new ApiError(
      409,
      'conflict',
      'A user with the e-mail ana@mod.gov.rs already exists.',
    );
    expect(userSaveErrors(error, t)).toEqual({
      fields: { email: 'admin.users.errors.emailTaken' },
      form: null,
    });
  });

  it('explains that the last administrator cannot lose the role', () => {
    const error = new ApiError(
      409,
      'conflict',
      'This is the last active administrator; make someone else administrator first.',
    );
    expect(userSaveErrors(error, t).form).toBe('admin.users.errors.lastAdministrator');
  });

  it('maps validation issues onto the fields they name', () => {
    const error = new ApiError(400, 'validation_failed', 'not valid', {
      issues: [{ field: 'clearances.NATO', message: 'too big' }],
    });
    expect(userSaveErrors(error, t)).toEqual({ fields: { clearances: 'too big' }, form: null });
  });
});
