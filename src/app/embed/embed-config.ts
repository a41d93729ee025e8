// Which origins may embed the app is decided where it is served, not when it is built: the server
// answers /embed-config.json ({"origins": [...]}, from EMBED_ORIGINS with `npm start`). Without an
// answer (another host that does not serve it, or offline) only the app's own origin may talk to it.

import { isOrigin } from './embed-origins.ts';

export async function loadEmbedOrigins(location: Location): Promise<string[]> {
  const own = location.origin;
  try {
    const url = new URL('embed-config.json', new URL(import.meta.env.BASE_URL, location.href));
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return [own];
    const body: unknown = await response.json();
    const listed =
      typeof body === 'object' && body !== null && Array.isArray((body as { origins?: unknown }).origins) ? (body as { origins: unknown[] }).origins : [];
    return [own, ...listed.filter((o): o is string => typeof o === 'string' && isOrigin(o) && o !== own)];
  } catch {
    return [own];
  }
}
