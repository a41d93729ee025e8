// The host page's side of the embed API, driven from a test: record what reaches a window, post
// messages whose photo is made in the page (Blobs cannot cross from Node), and read the answers.

import type { Frame, Page } from 'playwright-core';

export interface Received {
  origin: string;
  type: string | null;
  id: unknown;
  code?: string | undefined;
  reason?: string | undefined;
  message?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  format?: string | undefined;
  /** The sticker Blob's MIME type and byte count, when the message carried one. */
  sticker?: { type: string; bytes: number } | null;
  gif?: { type: string; bytes: number } | null;
  webp?: { type: string; bytes: number } | null;
}

interface Logged {
  origin: string;
  data: unknown;
}

/** Records every message the top window of `page` receives, from before its first script runs. */
export async function recordTopMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const log: Logged[] = [];
    Object.assign(window, { __received: log });
    window.addEventListener('message', (event) => log.push({ origin: event.origin, data: event.data }));
  });
}

/** Records what reaches one frame from now on (the frame's document is already there). */
export async function recordFrameMessages(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const log: Logged[] = [];
    Object.assign(window, { __received: log });
    window.addEventListener('message', (event) => log.push({ origin: event.origin, data: event.data }));
  });
}

/** A summary of each recorded message (Blobs become their type and size). */
export function received(target: Page | Frame): Promise<Received[]> {
  return target.evaluate(() => {
    const log = (window as unknown as { __received?: Logged[] }).__received ?? [];
    return log.map(({ origin, data }) => {
      const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
      const blob = (key: string) => {
        const value = d[key];
        return value instanceof Blob ? { type: value.type, bytes: value.size } : value === undefined ? undefined : null;
      };
      const [sticker, gif, webp] = [blob('sticker'), blob('gif'), blob('webp')];
      const pick = <T>(key: string, kind: string) => (typeof d[key] === kind ? (d[key] as T) : undefined);
      return {
        origin,
        type: typeof d.type === 'string' ? d.type : null,
        id: d.id,
        code: pick<string>('code', 'string'),
        reason: pick<string>('reason', 'string'),
        message: pick<string>('message', 'string'),
        width: pick<number>('width', 'number'),
        height: pick<number>('height', 'number'),
        format: pick<string>('format', 'string'),
        ...(sticker !== undefined && { sticker }),
        ...(gif !== undefined && { gif }),
        ...(webp !== undefined && { webp }),
      };
    });
  });
}

/** Waits for the answer to the message with this id. */
export async function answerTo(page: Page, id: string | number, timeout = 90_000): Promise<Received> {
  await page.waitForFunction(
    (wanted) => ((window as unknown as { __received?: Logged[] }).__received ?? []).some((m) => (m.data as { id?: unknown } | null)?.id === wanted),
    id,
    { timeout, polling: 100 },
  );
  const found = (await received(page)).find((m) => m.id === id);
  if (found === undefined) throw new Error(`no answer to ${String(id)}`);
  return found;
}

/** Where a message's photo comes from: the page makes it from these bytes, as a Blob or an ArrayBuffer. */
export interface PhotoBytes {
  base64: string;
  type: string;
  as: 'blob' | 'arraybuffer';
}

/** A window seen from the posting one: an iframe of its document, or one of its parent's frames. */
export type Recipient = { iframe: string } | { parentFrame: number };

/**
 * Posts `message` from `from`'s window to `to`, with `photo` made in the page and put in its photo
 * field; `burst`: more messages posted right behind it, in the same task, as a host script would.
 */
export async function postFrom(
  from: Page | Frame,
  to: Recipient,
  targetOrigin: string,
  message: Record<string, unknown>,
  photo?: PhotoBytes,
  burst: Record<string, unknown>[] = [],
): Promise<void> {
  await from.evaluate(
    ({ to, targetOrigin, message, photo, burst }) => {
      const target = 'iframe' in to ? document.querySelector<HTMLIFrameElement>(to.iframe)?.contentWindow : window.parent.frames[to.parentFrame];
      if (target === null || target === undefined) throw new Error(`no window ${JSON.stringify(to)}`);
      const body: Record<string, unknown> = { ...message };
      if (photo !== undefined) {
        const bytes = Uint8Array.from(atob(photo.base64), (c) => c.charCodeAt(0));
        body.photo = photo.as === 'blob' ? new Blob([bytes], { type: photo.type }) : bytes.buffer;
      }
      for (const next of [body, ...burst]) target.postMessage(next, targetOrigin);
    },
    { to, targetOrigin, message, photo, burst },
  );
}

/** The Blob in the recorded answer with this id, as base64 bytes, and its size as the browser decodes it. */
export function stickerOf(page: Page, id: unknown): Promise<{ base64: string; decoded: { width: number; height: number } }> {
  return page.evaluate(async (wanted) => {
    const log = (window as unknown as { __received: Logged[] }).__received;
    const data = log.find((m) => (m.data as { id?: unknown } | null)?.id === wanted)?.data as { sticker: Blob };
    const bytes = new Uint8Array(await data.sticker.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const bitmap = await createImageBitmap(data.sticker);
    return { base64: btoa(binary), decoded: { width: bitmap.width, height: bitmap.height } };
  }, id);
}
