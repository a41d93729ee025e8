// Registers the service worker with workbox-window and runs the update flow: a new version that
// is waiting is offered; when the user agrees it takes over and the page reloads, but never while a
// sticker is being made: then it waits for the job to end. Nothing is lost by the reload: the form
// is kept as a draft and every sticker in the history, both in IndexedDB.
//
// It also asks the service worker to keep, for offline use, what the app has just used (the
// sticker files after the first sticker, onnxruntime-web after the AI ran), so a first visit's
// network goes to the first sticker and not to a precache of everything.
//
// Not registered in WeChat's in-app browser (its service workers are unreliable and its storage
// small), where the browser has none, or in `vite` dev (no sw.js is built there).

import { createEffect, createSignal, type Accessor } from 'solid-js';
import { Workbox } from 'workbox-window';
import { KEPT_MARKER, OFFLINE_GROUPS, offlineCacheName, type CacheGroupReply, type CacheGroupRequest, type OfflineGroup } from '../../core/offline-groups.ts';
import { inWeChat } from '../share.ts';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** none: nothing new; waiting: offered; deferred: agreed, waiting for the job; applying: taking over. */
export type UpdateState = 'none' | 'waiting' | 'deferred' | 'applying';

export interface AppUpdate {
  state: Accessor<UpdateState>;
  /** The user agreed: update now, or when the running job ends. */
  agree(): void;
  /** Asks the service worker to keep a group of files for offline use (once per page). */
  keepOffline(group: OfflineGroup): void;
  /** The groups kept for offline use so far. */
  offlineReady: Accessor<readonly OfflineGroup[]>;
}

/** `busy`: a sticker or a pack is being made. Call inside a component (it uses an effect). */
export function registerServiceWorker(busy: Accessor<boolean>): AppUpdate {
  const [state, setState] = createSignal<UpdateState>('none');
  const [reloadDue, setReloadDue] = createSignal(false);
  const [offlineReady, setOfflineReady] = createSignal<readonly OfflineGroup[]>([]);
  const supported = import.meta.env.PROD && 'serviceWorker' in navigator && !inWeChat();
  if (!supported) return { state, agree: () => undefined, keepOffline: () => undefined, offlineReady };

  const base = import.meta.env.BASE_URL;
  const workbox = new Workbox(`${base}sw.js`, { scope: base });
  const offer = () => setState((s) => (s === 'none' ? 'waiting' : s));
  workbox.addEventListener('waiting', offer);
  // A new version took over (agreed to here or in another tab): this page's code is the old one,
  // so it reloads, when idle. (The first install taking the page is no new version.)
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate === true || state() === 'applying') setReloadDue(true);
  });
  workbox
    .register()
    .then((registration) => {
      // The navigation's own update check may have found the new version before register() could
      // listen (it waits for the load event): one still installing is watched here.
      const installing = registration?.installing;
      if (installing === null || installing === undefined || navigator.serviceWorker.controller === null) return;
      installing.addEventListener('statechange', () => {
        if (registration?.waiting === installing) offer();
      });
    })
    .catch(() => undefined); // Refused (private modes, policies): the app works as a plain page.
  // A tab left open for days still hears of new versions; offline, the check just fails.
  setInterval(() => void workbox.update().catch(() => undefined), UPDATE_CHECK_MS);

  createEffect(() => {
    if (busy()) return;
    if (reloadDue()) window.location.reload();
    else if (state() === 'deferred') apply();
  });

  function apply(): void {
    setState('applying');
    workbox.messageSkipWaiting();
  }

  const asked = new Set<OfflineGroup>();
  function keepOffline(group: OfflineGroup): void {
    if (asked.has(group)) return;
    asked.add(group);
    const request: CacheGroupRequest = { type: 'CACHE_GROUP', group };
    workbox
      .messageSW(request)
      .then((reply) => {
        if ((reply as CacheGroupReply).ok) setOfflineReady((groups) => [...groups, group]);
        else asked.delete(group); // Some file failed (offline, storage full): asked again next time.
      })
      .catch(() => asked.delete(group));
  }

  // A group kept on an earlier visit is checked (and completed) at once: it is known to be wanted.
  for (const group of OFFLINE_GROUPS) {
    const marker = new URL(KEPT_MARKER, new URL(base, window.location.href)).href;
    void caches.match(marker, { cacheName: offlineCacheName(group) }).then(
      (kept) => kept !== undefined && keepOffline(group),
      () => undefined,
    );
  }

  return {
    state,
    keepOffline,
    offlineReady,
    agree: () => {
      if (busy()) setState('deferred');
      else apply();
    },
  };
}
