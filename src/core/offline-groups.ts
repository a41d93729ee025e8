// What the page asks of the service worker beyond the app shell: to keep a group of files for
// offline use once the app has used them (scripts/pwa/precache-list.ts makes the groups).

export const OFFLINE_GROUPS = ['stickers', 'ai'] as const;
export type OfflineGroup = (typeof OFFLINE_GROUPS)[number];

/** The Cache Storage cache a group is kept in. */
export function offlineCacheName(group: OfflineGroup): string {
  return `biaoqing-${group}`;
}

/** Put in a group's cache once all of its files are: a later visit, or an update, keeps the group whole. */
export const KEPT_MARKER = '__biaoqing-kept__';

export interface CacheGroupRequest {
  type: 'CACHE_GROUP';
  group: OfflineGroup;
}

/** The service worker's answer, on the request's MessageChannel port. */
export interface CacheGroupReply {
  group: OfflineGroup;
  ok: boolean;
}

export function isCacheGroupRequest(data: unknown): data is CacheGroupRequest {
  if (typeof data !== 'object' || data === null) return false;
  const { type, group } = data as { type?: unknown; group?: unknown };
  return type === 'CACHE_GROUP' && OFFLINE_GROUPS.includes(group as OfflineGroup);
}
