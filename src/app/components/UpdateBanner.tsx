// The polite offer of a new version: "update" now, or after the sticker being made.

import { Match, Switch } from 'solid-js';
import type { AppUpdate } from '../pwa/app-update.ts';
import { pwaText } from '../i18n/index.ts';

export function UpdateBanner(props: { update: AppUpdate }) {
  const state = () => props.update.state();
  return (
    <div class="update-banner" role="status" aria-live="polite" data-testid="update-banner" data-state={state()} hidden={state() === 'none'}>
      <Switch>
        <Match when={state() === 'waiting'}>
          <span>{pwaText().updateReady}</span>{' '}
          <button type="button" class="button primary" data-testid="update-button" onClick={() => props.update.agree()}>
            {pwaText().updateNow}
          </button>
        </Match>
        <Match when={state() === 'deferred'}>
          <span>
            {pwaText().updateReady} {pwaText().updateAfterJob}
          </span>
        </Match>
        <Match when={state() === 'applying'}>
          <span>{pwaText().updating}</span>
        </Match>
      </Switch>
    </div>
  );
}
