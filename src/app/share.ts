// How a finished sticker leaves the app on this device: the system share sheet with the file where
// the browser has one (phones), a download link elsewhere, and inside WeChat's in-app browser,
// where downloads fail (docs/product-facts.md), the image itself to long-press.

import { isWeChatUserAgent } from '../core/in-app-browser.ts';

/** WeChat's in-app browser (Android XWeb and iOS WKWebView both say MicroMessenger). */
export function inWeChat(userAgent: string = navigator.userAgent): boolean {
  return isWeChatUserAgent(userAgent);
}

/** The file the share sheet would get, when this browser can share files at all. */
export function shareableFile(bytes: ArrayBuffer, name: string, type: string): File | null {
  if (typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function') return null;
  const file = new File([bytes], name, { type });
  return navigator.canShare({ files: [file] }) ? file : null;
}

export type ShareOutcome = 'shared' | 'cancelled' | 'failed';

export async function shareFile(file: File, title: string): Promise<ShareOutcome> {
  try {
    await navigator.share({ files: [file], title });
    return 'shared';
  } catch (error) {
    // Closing the share sheet rejects with AbortError: the user changed their mind, not a failure.
    return error instanceof DOMException && error.name === 'AbortError' ? 'cancelled' : 'failed';
  }
}
