import { Show, createSignal } from 'solid-js';
import { weChatText } from '../i18n/index.ts';
import { inWeChat } from '../share.ts';

const DISMISSED_KEY = 'biaoqing.open-in-browser-dismissed';

/**
 * Inside WeChat's in-app browser: what WeChat blocks (downloads, the pack ZIP, installing) and how
 * to open the page in a browser instead. Dismissed for good with its button; focus then moves on to
 * the next control, so a keyboard or screen-reader user is not left on nothing.
 */
export function OpenInBrowserHint() {
  const [shown, setShown] = createSignal(inWeChat() && globalThis.localStorage?.getItem(DISMISSED_KEY) !== '1');
  const dismiss = (button: HTMLElement) => {
    const next = button
      .closest('.open-in-browser')
      ?.parentElement?.querySelector<HTMLElement>('.open-in-browser ~ * :is(a[href], button, input, select, textarea)');
    // Storage may be refused in WeChat; the hint then only goes away for this visit.
    try {
      globalThis.localStorage?.setItem(DISMISSED_KEY, '1');
    } catch {
      /* kept for this visit only */
    }
    setShown(false);
    next?.focus();
  };
  return (
    <Show when={shown()}>
      <aside class="open-in-browser" aria-labelledby="open-in-browser-title" data-testid="open-in-browser-hint">
        <h2 id="open-in-browser-title">{weChatText().openInBrowserTitle}</h2>
        <p>{weChatText().openInBrowser}</p>
        <button type="button" class="button ghost" data-testid="open-in-browser-dismiss" onClick={(e) => dismiss(e.currentTarget)}>
          {weChatText().dismiss}
        </button>
      </aside>
    </Show>
  );
}
