// The browser's offer to install the app (beforeinstallprompt, Chromium-based browsers), kept
// until the user takes it; gone once the app is installed or runs as the installed app.

import { createSignal } from 'solid-js';
import { onInstallOffer } from './early-install-offer.ts';

/** Not in TypeScript's DOM library: Chromium's install offer. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
}

const [offer, setOffer] = createSignal<BeforeInstallPromptEvent | null>(null);
const installed = () => window.matchMedia('(display-mode: standalone)').matches;

onInstallOffer((event) => {
  if (!installed()) setOffer(event as BeforeInstallPromptEvent);
});
window.addEventListener('appinstalled', () => setOffer(null));

export const canInstall = () => offer() !== null;

export async function install(): Promise<void> {
  const event = offer();
  if (event === null) return;
  // An offer can be used once; when dismissed, the browser makes a new one later.
  setOffer(null);
  await event.prompt();
}
