/**
 * URL paths as the router sees them. Checks that look at a path (is this the API? is this a
 * file?) must look at the decoded path, or `/%61pi/v1/…` slips past a check made for `/api/v1/…`.
 * Checks on matched requests use the matched route (`request.routeOptions.url`) instead.
 */

/** The percent-decoded path (without the query); a malformed escape leaves the path as it is. */
export function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
