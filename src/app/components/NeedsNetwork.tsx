// A note beside a feature that needs the network, shown only while offline.

import { Show } from 'solid-js';
import { online } from '../pwa/online.ts';
import { pwaText, type NetworkFeature } from '../i18n/index.ts';

export function NeedsNetwork(props: { feature: NetworkFeature }) {
  return (
    <Show when={!online()}>
      <p class="hint" data-testid="needs-network" data-feature={props.feature}>
        {pwaText().needsNetwork[props.feature]}
      </p>
    </Show>
  );
}
