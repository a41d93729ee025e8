// "Install" where the browser offers to install the app; absent otherwise and once installed.

import { Show } from 'solid-js';
import { canInstall, install } from '../pwa/install-prompt.ts';
import { pwaText } from '../i18n/index.ts';

export function InstallButton() {
  return (
    <Show when={canInstall()}>
      <button type="button" class="button ghost" data-testid="install-button" title={pwaText().installHint} onClick={() => void install()}>
        {pwaText().install}
      </button>
    </Show>
  );
}
