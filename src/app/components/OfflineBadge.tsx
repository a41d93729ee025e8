// Says, when the browser is offline, what still works and what needs the network. The live
// region is always there so screen readers hear the change.

import { Show } from 'solid-js';
import { online } from '../pwa/online.ts';
import { pwaText } from '../pwa/i18n-pwa.ts';

export function OfflineBadge() {
  return (
    <div role="status" aria-live="polite" data-testid="offline-indicator" data-online={String(online())}>
      <Show when={!online()}>
        <p class="offline-badge">{pwaText().offline}</p>
      </Show>
    </div>
  );
}
