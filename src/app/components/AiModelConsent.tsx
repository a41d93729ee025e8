import { For, Show } from 'solid-js';
import type { DiffusionModelSet } from '../../core/diffusion/model-sets.ts';
import { aiText } from '../i18n/index.ts';

interface Props {
  set: DiffusionModelSet;
  /** The four networks' bytes, as the manifest gives them. */
  bytes: number;
  agreed: boolean;
  onAgree: (agreed: boolean) => void;
}

const host = (url: string) => new URL(url).host;

/** Before the first download of a real set: which models, their licences and origin, the size, and one agreement. */
export function AiModelConsent(props: Props) {
  const a = aiText;
  return (
    <div class="ai-consent" data-testid="ai-consent">
      <p>
        <strong>{a().consentHeading}</strong>
      </p>
      <ul>
        <For each={props.set.credits}>
          {(credit) => (
            <li data-testid="ai-credit">
              {credit.name} · {a().consentLicense}{' '}
              <a href={credit.licenseUrl} target="_blank" rel="noopener noreferrer" data-testid="ai-credit-license">
                {credit.license}
              </a>{' '}
              · {a().consentSource}{' '}
              <a href={credit.source} target="_blank" rel="noopener noreferrer" data-testid="ai-credit-source">
                {host(credit.source)}
              </a>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.set.credits.some((c) => c.license.startsWith('openrail'))}>
        <p class="hint">{a().consentRestrictions}</p>
      </Show>
      <p class="hint" data-testid="ai-consent-total" data-bytes={props.bytes}>
        {a().consentTotal((props.bytes / 1e9).toFixed(2))}
      </p>
      <label class="check">
        <input type="checkbox" data-testid="ai-consent-agree" checked={props.agreed} onChange={(e) => props.onAgree(e.currentTarget.checked)} />{' '}
        {a().consentAgree}
      </label>
    </div>
  );
}
