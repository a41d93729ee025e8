// Free text by meaning, as UI state: the text encoder for the words' language (Chinese-CLIP for
// text with Han characters, CLIP ViT-B/32 otherwise, unless `?encoder=` pins one), its worker's
// status and download progress, and the ranking for the words the lexicon did not know, asked for
// after a pause in typing and kept only while the words are still the same.

import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { ErrorInfo } from '../core/errors.ts';
import type { Expression } from '../core/expression/action-units.ts';
import { expressionById } from '../core/expression/expression-by-id.ts';
import { TEXT_ENCODERS, textEncoderFor, type TextEncoderId } from '../core/models/text-encoders.ts';
import type { TextEncoderStatus } from '../core/text-protocol.ts';
import { RankFailedError, TextUnderstanding, textEncoderFromUrl } from '../engine/text-understanding.ts';
import type { DownloadRateInfo, Meaning } from './components/ExpressionPicker.tsx';
import { askToKeepStorage } from './model-cache.ts';

/** How many expressions the text encoder offers, best first. */
const MEANING_CHOICES = 5;
/** Wait for a pause in typing before asking the encoder. */
const TYPING_PAUSE_MS = 150;

export interface FreeText {
  meaning: Accessor<Meaning>;
  encoder: Accessor<TextEncoderStatus>;
  /** The user's go to download (or retry) the encoder. */
  load(): void;
  dispose(): void;
}

interface EncoderWorker {
  worker: TextUnderstanding;
  status: Accessor<TextEncoderStatus>;
  progress: Accessor<DownloadRateInfo>;
}

function encoderWorker(location: Location, id: TextEncoderId): EncoderWorker {
  const [status, setStatus] = createSignal<TextEncoderStatus>({ status: 'loading' });
  const [progress, setProgress] = createSignal<DownloadRateInfo>({ loaded: 0, total: 0, bytesPerSecond: null, secondsLeft: null });
  return { worker: new TextUnderstanding(location, id, { onStatus: setStatus, onDownload: setProgress }), status, progress };
}

/** `query`: the words for the encoder (the lexicon missed them), or null. */
export function createFreeText(location: Location, query: Accessor<string | null>): FreeText {
  const pinned = textEncoderFromUrl(location.search);
  const workers = new Map<TextEncoderId, EncoderWorker>();
  const workerFor = (id: TextEncoderId): EncoderWorker => {
    const known = workers.get(id) ?? encoderWorker(location, id);
    workers.set(id, known);
    return known;
  };
  /** The encoder for the latest words; kept while there are none. */
  const current = createMemo<TextEncoderId>((last) => {
    const text = query();
    return text === null ? last : (pinned ?? textEncoderFor(text));
  }, pinned ?? 'clip-vit-b32');
  const active = () => workerFor(current());
  const encoder = () => active().status();
  const progress = () => active().progress();
  const [ranked, setRanked] = createSignal<{ text: string; ranking: { expression: Expression; similarity: number }[]; ms: number } | null>(null);
  const [rankError, setRankError] = createSignal<{ text: string; error: ErrorInfo } | null>(null);
  createEffect(() => {
    if (query() !== null) active().worker.start();
  });

  createEffect(() => {
    const text = query();
    if (text === null || encoder().status !== 'ready' || ranked()?.text === text) return;
    const { worker } = active();
    const timer = setTimeout(() => {
      worker.rank(text).then(
        (r) => {
          const ranking = r.ranking.slice(0, MEANING_CHOICES).map((x) => ({ expression: expressionById(x.expressionId), similarity: x.similarity }));
          setRanked({ text, ranking, ms: r.ms });
        },
        (failure: unknown) =>
          setRankError({
            text,
            error: failure instanceof RankFailedError ? failure.info : { code: 'INTERNAL', message: String(failure), retryable: true },
          }),
      );
    }, TYPING_PAUSE_MS);
    onCleanup(() => clearTimeout(timer));
  });

  const meaning = (): Meaning => {
    const status = encoder();
    if (status.status === 'needs-download') {
      return { kind: 'needs-download', bytes: status.bytes, chinese: TEXT_ENCODERS[current()].config.model_type === 'chinese_clip' };
    }
    if (status.status === 'loading') {
      const { loaded, total, bytesPerSecond, secondsLeft } = progress();
      return { kind: 'loading', loaded, total, bytesPerSecond, secondsLeft };
    }
    if (status.status === 'failed') return { kind: 'failed', error: status.error };
    const failed = rankError();
    if (failed !== null && failed.text === query()) return { kind: 'failed', error: failed.error };
    const result = ranked();
    return result !== null && result.text === query() ? { kind: 'ranked', ranking: result.ranking, ms: result.ms } : { kind: 'thinking' };
  };

  return {
    meaning,
    encoder,
    load() {
      setRankError(null);
      // The user's go for a download of tens of MB: ask the browser to keep what it stores.
      void askToKeepStorage();
      active().worker.load();
    },
    dispose() {
      for (const { worker } of workers.values()) worker.dispose();
    },
  };
}
