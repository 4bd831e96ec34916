import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client.js';
import { passwordChangeError } from './password-errors.js';

/** A stand-in for i18next: the key and its options, so the test sees what would be shown. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

const refusal = (message: string, field: string) =>
  new ApiError(422, 'unprocessable', message, { field });

describe('a refused password change', () => {
  it('puts a wrong current password under the current password', () => {
    expect(
      passwordChangeError(refusal('The current password is not right.', 'currentPassword'), t),
    ).toEqual({ field: 'currentPassword', message: 'account.password.errors.currentWrong' });
  });

  it('says in the reader’s language why the new password was refused', () => {
    expect(
      passwordChangeError(
        refusal('This password is among the most common ones; choose another.', 'newPassword'),
        t,
      ),
    ).toEqual({ field: 'newPassword', message: 'account.password.errors.common' });
    expect(
      passwordChangeError(
        refusal(
          'Avoid words tied to this system or to you, such as “nato” and “liaison”.',
          'newPassword',
        ),
        t,
      ).message,
    ).toBe('account.password.errors.contextWords {"words":"nato, liaison"}');
    expect(
      passwordChangeError(refusal('The password needs at least 12 characters.', 'newPassword'), t)
        .message,
    ).toBe('account.password.errors.tooShort {"count":12}');
  });

  it('shows an unfamiliar refusal as the server wrote it, under its field', () => {
    expect(passwordChangeError(refusal('Something new.', 'newPassword'), t)).toEqual({
      field: 'newPassword',
      message: 'Something new.',
    });
  });

  it('reads the field from a validation failure', () => {
    const error = new ApiError(400, 'validation_failed', 'The request body is not valid.', {
      in: 'body',
      issues: [{ field: 'newPassword', message: 'must have at least 12 characters' }],
    });
    expect(passwordChangeError(error, t)).toEqual({
      field: 'newPassword',
      message: 'account.password.errors.tooShort {"count":12}',
    });
  });

  it('treats anything else as a failure of the whole form', () => {
    expect(passwordChangeError(new ApiError(0, 'network_error', 'down'), t)).toEqual({
      field: null,
      message: 'errors.network_error',
    });
  });
});
