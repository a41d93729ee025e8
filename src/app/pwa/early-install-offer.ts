// Chromium offers to install (beforeinstallprompt) once per page load, about 0.2 s after opening,
// which can be before the UI's code (a chunk loaded after the sticker worker starts) has run. The
// page's entry imports this module so the offer is caught from the start and kept for the UI.

type Handler = (event: Event) => void;

let kept: Event | null = null;
let handler: Handler | null = null;

window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault(); // The app shows its own button instead of the browser's mini bar.
  if (handler === null) kept = event;
  else handler(event);
});

/** Hands `onOffer` the offer made before it was called, if any, and every offer after. */
export function onInstallOffer(onOffer: Handler): void {
  handler = onOffer;
  if (kept !== null) onOffer(kept);
  kept = null;
}
