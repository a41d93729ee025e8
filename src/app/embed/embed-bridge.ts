// The app's end of the postMessage API. It hears only the window that framed it, and only when that
// window's origin is on the allow-list; everything else gets no answer at all. Answers go to the
// host's own origin, never to '*', so a page that navigated the frame away cannot read them.

import type { ErrorInfo } from '../../core/errors.ts';
import type { StickerResult } from '../../core/protocol.ts';
import { errorSentence } from '../i18n/index.ts';
import { EMBED_API_VERSION, parseHostMessage, type AppMessage, type EmbedFields, type RequestId } from './embed-messages.ts';
import { parentOrigin } from './embed-origins.ts';

/** What the bridge asks of the app: the same form and job the user's own clicks use. */
export interface EmbedTarget {
  /** Puts fields in the form, as if the user had chosen them. */
  fill(fields: EmbedFields): void;
  /** Runs the form's job as the generate button does: the sticker, or why not. */
  generate(): Promise<StickerResult | ErrorInfo>;
  busy(): boolean;
  /** Cancels the job being made, as the cancel button does. */
  cancel(): void;
}

function resultMessage(result: StickerResult, id: { id?: RequestId }): AppMessage {
  const animation = result.animation;
  return {
    type: 'biaoqing:result',
    ...id,
    sticker: new Blob([result.png], { type: 'image/png' }),
    width: result.width,
    height: result.height,
    format: 'image/png',
    gif: animation === null ? null : new Blob([animation.gif], { type: 'image/gif' }),
    webp: animation === null ? null : new Blob([animation.webp], { type: 'image/webp' }),
  };
}

function errorMessage(info: ErrorInfo, id: { id?: RequestId }): AppMessage {
  return { type: 'biaoqing:error', ...id, code: info.code, message: errorSentence(info), ...(info.reason !== undefined && { reason: info.reason }) };
}

/** Listens for the host's messages and says ready; returns the function that stops listening. */
export function startEmbedBridge(self: Window, origins: readonly string[], target: EmbedTarget): () => void {
  const host = self.parent;
  if (host === self) return () => undefined;

  const onMessage = (event: MessageEvent) => {
    if (event.source !== host || !origins.includes(event.origin)) return;
    const reply = (message: AppMessage) => host.postMessage(message, event.origin);
    const parsed = parseHostMessage(event.data);
    if (parsed.kind === 'foreign') return;
    if (parsed.kind === 'refused') {
      reply({ type: 'biaoqing:error', ...(parsed.id !== undefined && { id: parsed.id }), code: 'BAD_MESSAGE', message: parsed.reason });
      return;
    }
    const { message } = parsed;
    const id = message.id === undefined ? {} : { id: message.id };
    if (message.type === 'biaoqing:cancel') {
      target.cancel();
      return;
    }
    if (message.type !== 'biaoqing:generate') {
      target.fill(message.fields);
      return;
    }
    if (target.busy()) {
      reply({ type: 'biaoqing:error', ...id, code: 'BUSY', message: 'a sticker is being made: wait for its result, then send again' });
      return;
    }
    target.fill(message.fields);
    target.generate().then(
      (outcome) => reply('png' in outcome ? resultMessage(outcome, id) : errorMessage(outcome, id)),
      (failure: unknown) => reply(errorMessage({ code: 'INTERNAL', message: String(failure), retryable: true }, id)),
    );
  };
  self.addEventListener('message', onMessage);

  // Ready goes to the framing page's origin when the browser names it and it is allowed; when it
  // does not, to each allowed origin in turn (the browser delivers only the one that matches).
  const known = parentOrigin(self.location.ancestorOrigins === undefined ? undefined : Array.from(self.location.ancestorOrigins), self.document.referrer);
  const readyTo = known === null ? origins : origins.filter((origin) => origin === known);
  for (const origin of readyTo) host.postMessage({ type: 'biaoqing:ready', version: EMBED_API_VERSION } satisfies AppMessage, origin);

  return () => self.removeEventListener('message', onMessage);
}
