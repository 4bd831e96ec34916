/** Every address in the app, in one place, so links never drift from the routes. */

export const paths = {
  overview: '/',
  /** A mechanism on the overview page; the page scrolls to it and opens its details. */
  mechanism: (id: string) => `/#mechanism-${id}`,
  timeline: '/timeline',
  agreements: '/agreements',
  agreement: (id: string) => `/agreements/${encodeURIComponent(id)}`,
  organisations: '/organisations',
  /** An organisation in its tree, opened and highlighted. */
  organisation: (id: string) => `/organisations?focus=${encodeURIComponent(id)}`,
  signIn: '/sign-in',
} as const;

/**
 * Where to go after signing in: only a path on this site is accepted, so a crafted link cannot
 * send the reader elsewhere ("//evil.example" and "https://…" are refused).
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return paths.overview;
  }
  if (value.startsWith(paths.signIn)) return paths.overview;
  return value;
}
