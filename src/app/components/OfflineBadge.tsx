// Says, when the browser is offline, what still works and what needs the network. The live
// region is always there so screen readers hear the change. data-offline-ready: the file groups
// the service worker keeps for offline use so far.

import { Show, type Accessor } from 'solid-js';
import type { OfflineGroup } from '../../core/offline-groups.ts';
import { online } from '../pwa/online.ts';
import { pwaText } from '../i18n/index.ts';

export function OfflineBadge(props: { ready: Accessor<readonly OfflineGroup[]> }) {
  return (
    <div role="status" aria-live="polite" data-testid="offline-indicator" data-online={String(online())} data-offline-ready={props.ready().join(' ')}>
      <Show when={!online()}>
        <p class="offline-badge">{pwaText().offline}</p>
      </Show>
    </div>
  );
}
