// The embedding allow-list: origins (scheme://host[:port]) whose pages may frame the app and talk to
// it. Shared by the server side (scripts/embed-plugin.ts reads EMBED_ORIGINS) and the page.

/**
 * Host names the URL parser lets through may still hold ';' or ',', which would end a CSP directive
 * or split the list: only letters, digits, dots and hyphens (or an IPv6 literal) are taken.
 */
const PLAIN_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/u;

/** True for an exact web origin such as https://example.com or http://localhost:8080. */
export function isOrigin(value: string): boolean {
  try {
    return PLAIN_ORIGIN.test(value) && new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** EMBED_ORIGINS as written (comma-separated, spaces and a trailing slash tolerated); throws on anything else. */
export function parseOriginList(text: string): string[] {
  const origins = text
    .split(',')
    .map((entry) => entry.trim().replace(/\/$/u, ''))
    .filter((entry) => entry !== '');
  const bad = origins.filter((origin) => !isOrigin(origin));
  if (bad.length > 0) throw new Error(`EMBED_ORIGINS: not an origin (scheme://host[:port]): ${bad.join(', ')}`);
  return [...new Set(origins)];
}

/**
 * The framing page's origin when the browser tells it: ancestorOrigins (Chromium, Safari), else the
 * referrer (the page that loaded the iframe); null when neither says.
 */
export function parentOrigin(ancestorOrigins: readonly string[] | undefined, referrer: string): string | null {
  const ancestor = ancestorOrigins?.[0];
  if (ancestor !== undefined) return ancestor;
  try {
    return referrer === '' ? null : new URL(referrer).origin;
  } catch {
    return null;
  }
}
