import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { NotAllowed } from '../../../components/not-allowed.js';
import { paths } from '../../../config/paths.js';
import { useMe } from '../api/get-me.js';

interface RequireSignInProps {
  children: ReactNode;
  /** Only administrators may see the page; others get a polite refusal. */
  administrator?: boolean;
}

/** Shows its page to signed-in users; visitors are sent to sign in and brought back afterwards. */
export function RequireSignIn({ children, administrator = false }: RequireSignInProps) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState rows={3} />;
  if (me.isError)
    return (
      <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
    );
  if (!me.data) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={paths.signInThen(here)} replace />;
  }
  if (administrator && !me.data.abilities.administer) return <NotAllowed />;
  return children;
}

/**
 * Keeps a user whose password must be changed (a one-time password from an administrator) on the
 * account page's password form until they have changed it.
 */
export function PasswordChangeGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const mustChange = me.data?.user.mustChangePassword ?? false;
  if (mustChange && location.pathname !== paths.account && location.pathname !== paths.signIn) {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={paths.accountPasswordThen(here)} replace />;
  }
  return children;
}
