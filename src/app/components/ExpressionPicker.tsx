import { For, Match, Show, Switch } from 'solid-js';
import type { Expression } from '../../core/expression/action-units.ts';
import { CONFIDENCE_MEDIUM, confidenceLevel, type Understanding } from '../../core/expression/understand.ts';
import { MAX_INTENSITY, MIN_INTENSITY } from '../../core/expression/intensity.ts';
import type { ErrorInfo } from '../../core/errors.ts';
import { errorSentence, lang, t } from '../i18n/index.ts';
import { online } from '../pwa/online.ts';
import { NeedsNetwork } from './NeedsNetwork.tsx';

/** A download's bytes so far and total, speed and time left (null while unknown). */
export interface DownloadRateInfo {
  loaded: number;
  total: number;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
}

/** Where understanding free text by meaning stands, for words understood only by a guess. */
export type Meaning =
  | { kind: 'needs-download'; bytes: number; /** The offer is Chinese-CLIP, for text with Han characters. */ chinese: boolean }
  | ({ kind: 'loading' } & DownloadRateInfo)
  | { kind: 'thinking' }
  | { kind: 'ranked'; ranking: { expression: Expression; similarity: number }[]; ms: number }
  | { kind: 'failed'; error: ErrorInfo };

/** Whose expression is in use: the offline understanding's guess, the text encoder's re-ranking, or the user's pick. */
export type ExpressionSource = 'words' | 'meaning' | 'user';

interface Props {
  understanding: Understanding;
  meaning: Meaning;
  chosen: Expression | null;
  /** 'words' for the offline understanding's guess, 'meaning' when the text encoder re-ranked it, 'user' when picked. */
  source: ExpressionSource;
  intensity: number;
  onChoose: (expression: Expression) => void;
  onIntensity: (value: number) => void;
  onLoadEncoder: () => void;
}

function name(e: Expression): string {
  return lang() === 'en' ? e.en : `${e.zh} · ${e.en}`;
}

const MB = 2 ** 20;

function Chips(props: { candidates: Expression[]; chosen: Expression | null; label: string; onChoose: (e: Expression) => void }) {
  return (
    <div class="chips" role="group" aria-label={props.label}>
      <For each={props.candidates}>
        {(e) => (
          <button
            type="button"
            class="chip"
            classList={{ selected: props.chosen?.id === e.id }}
            aria-pressed={props.chosen?.id === e.id}
            data-testid="expression-suggestion"
            data-expression-id={e.id}
            onClick={() => props.onChoose(e)}
          >
            {name(e)}
          </button>
        )}
      </For>
    </div>
  );
}

/** The encoder's side of an unsure guess: an offer to fetch it, its progress, or why it failed. */
function EncoderState(props: { meaning: Meaning; onLoad: () => void }) {
  return (
    <div class="encoder" data-testid="text-encoder-status" data-status={props.meaning.kind}>
      <Switch>
        <Match when={props.meaning.kind === 'needs-download' && props.meaning}>
          {(m) => (
            <>
              <button type="button" class="button ghost" data-testid="text-encoder-download" disabled={!online()} onClick={() => props.onLoad()}>
                {t().encoderOffer(Math.ceil(m().bytes / MB), m().chinese)}
              </button>
              <NeedsNetwork feature="encoderDownload" />
            </>
          )}
        </Match>
        <Match when={props.meaning.kind === 'loading' && props.meaning}>
          {(m) => {
            const pct = () => Math.round((100 * m().loaded) / Math.max(1, m().total));
            return (
              <p class="hint">
                <label>
                  {t().encoderLoading(pct())}
                  <progress max="100" value={pct()} />
                </label>
                <Show when={m().bytesPerSecond}>
                  {(speed) => (
                    <span data-testid="text-encoder-rate" data-bytes-per-second={speed()} data-seconds-left={m().secondsLeft ?? ''}>
                      {' '}
                      {t().downloadRate((speed() / 2 ** 20).toFixed(1), m().secondsLeft)}
                    </span>
                  )}
                </Show>
              </p>
            );
          }}
        </Match>
        <Match when={props.meaning.kind === 'thinking'}>
          <p class="hint">{t().encoderThinking}</p>
        </Match>
        <Match when={props.meaning.kind === 'failed' && props.meaning}>
          {(m) => (
            <p class="hint" data-code={m().error.code}>
              {t().encoderFailed} {errorSentence(m().error)}{' '}
              <button type="button" class="button ghost" data-testid="text-encoder-retry" onClick={() => props.onLoad()}>
                {t().retry}
              </button>
            </p>
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** Says what the words were understood as and how sure, offers the alternatives, sets the strength. */
export function ExpressionPicker(props: Props) {
  const understood = () => (props.understanding.kind === 'understood' ? props.understanding : null);
  const ranked = () => (props.meaning.kind === 'ranked' ? props.meaning.ranking : null);
  const rankMs = () => (props.meaning.kind === 'ranked' ? props.meaning.ms : undefined);
  const unsure = () => (understood()?.confidence ?? 1) < CONFIDENCE_MEDIUM;
  /** The guess and its alternatives, or the encoder's ranking once it re-ranked; they stay while the user picks among them. */
  const choices = () => {
    const u = understood();
    return ranked()?.map((r) => r.expression) ?? (u === null ? [] : [u.expression, ...u.alternatives]);
  };
  const label = () => (props.source === 'meaning' ? t().meaningUnderstood : props.source === 'user' ? t().expressionPicked : t().expressionUnderstood);
  return (
    <div class="expression" aria-live="polite">
      <Show when={props.understanding.kind === 'empty'}>
        <p class="hint">{t().expressionNone}</p>
      </Show>
      <Show when={props.chosen}>
        {(e) => (
          <>
            <p
              class="understood"
              data-testid="expression-understood"
              data-expression-id={e().id}
              data-source={props.source}
              data-confidence={understood()?.confidence}
              data-similarity={props.source === 'meaning' ? ranked()?.[0]?.similarity : undefined}
              data-rank-ms={props.source === 'meaning' ? rankMs() : undefined}
            >
              {label()} <strong>{name(e())}</strong>
              <Show when={props.source === 'words' && understood()}>
                {(u) => (
                  <span class="confidence" data-testid="expression-confidence" data-level={confidenceLevel(u().confidence)}>
                    {' · '}
                    {t().confidence(confidenceLevel(u().confidence))}
                  </span>
                )}
              </Show>
              <Show when={props.source === 'meaning' && ranked()?.[0]}>{(best) => <span class="similarity"> {t().similarity(best().similarity)}</span>}</Show>
            </p>
            <Show when={choices().length > 0}>
              <Chips candidates={choices()} chosen={props.chosen} label={t().expressionAlternatives} onChoose={props.onChoose} />
            </Show>
            <Show when={unsure() && ranked() === null}>
              <p class="hint">{t().expressionGuess}</p>
              <EncoderState meaning={props.meaning} onLoad={props.onLoadEncoder} />
            </Show>
            <label class="field intensity">
              <span>
                {t().intensity}: {props.intensity.toFixed(1)}
              </span>
              <input
                type="range"
                min={MIN_INTENSITY}
                max={MAX_INTENSITY}
                step="0.1"
                value={props.intensity}
                data-testid="intensity-input"
                onInput={(ev) => props.onIntensity(Number(ev.currentTarget.value))}
              />
            </label>
          </>
        )}
      </Show>
    </div>
  );
}
