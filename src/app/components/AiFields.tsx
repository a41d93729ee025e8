import { For, Show, createSignal } from 'solid-js';
import type { RedrawRequest, RedrawStatus } from '../../core/diffusion/redraw-status.ts';
import { AI_DEVICE_PREFERENCES, type AiDevicePreference } from '../../core/diffusion/capability.ts';
import { DIFFUSION_SETS, isDiffusionSetId, type DiffusionModelSet } from '../../core/diffusion/model-sets.ts';
import { variantCosts } from '../../core/diffusion/variant-costs.ts';
import { aiText, errorSentence, t } from '../i18n/index.ts';
import { online } from '../pwa/online.ts';
import { needsConsent, rememberConsent } from '../ai-consent.ts';
import { AiModelConsent } from './AiModelConsent.tsx';
import { NeedsNetwork } from './NeedsNetwork.tsx';

interface Props {
  status: RedrawStatus | null;
  device: AiDevicePreference;
  onDevice: (device: AiDevicePreference) => void;
  settings: RedrawRequest;
  maxSteps: number;
  onSettings: (settings: RedrawRequest) => void;
  onLoad: () => void;
  onCancel: () => void;
}

export const randomSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

/** The AI style's panel: where it runs and why (this device or the server), one download bar, and seed/steps/strength. */
export function AiFields(props: Props) {
  const a = aiText;
  const status = () => props.status;
  const download = () => status()?.download;
  const set = (): DiffusionModelSet | undefined => {
    const id = status()?.set.id;
    return isDiffusionSetId(id) ? DIFFUSION_SETS[id] : undefined;
  };
  const [agreed, setAgreed] = createSignal(false);
  /** A real set not yet agreed to on this device, with something left to download. */
  const askConsent = () => {
    const s = set();
    return s !== undefined && (status()?.bytes ?? 0) > 0 && needsConsent(s) ? s : undefined;
  };
  const setBytes = (s: DiffusionModelSet) => {
    const costs = variantCosts(s);
    return (costs.find((c) => c.variant.dtype === status()?.decision.dtype) ?? costs[0])?.bytes ?? 0;
  };
  const startDownload = () => {
    const s = askConsent();
    if (s !== undefined) rememberConsent(s);
    props.onLoad();
  };
  return (
    <div class="ai-fields" data-testid="ai-fields">
      <Show when={status()?.set.test}>
        <p class="notice" data-testid="ai-test-banner" role="note">
          {a().testModels}
        </p>
      </Show>
      <label class="field">
        <span>{a().device}</span>
        <select data-testid="ai-device" value={props.device} onChange={(e) => props.onDevice(e.currentTarget.value as AiDevicePreference)}>
          <For each={AI_DEVICE_PREFERENCES}>{(d) => <option value={d}>{a().devices[d]}</option>}</For>
        </select>
      </label>
      <Show when={status()} fallback={<p class="hint">…</p>}>
        {(s) => (
          <div
            data-testid="ai-status"
            data-state={s().state}
            data-reason={s().decision.reason}
            data-provider={s().server !== undefined && s().state === 'ready' ? 'server' : (s().decision.provider ?? '')}
            data-gpu-tensors={s().gpuTensorsLeft ?? ''}
          >
            <p class="hint">
              {a().reasons[s().decision.reason]}
              {s().decision.run === 'local' ? ` · ${a().runsOn(s().decision.provider ?? 'wasm', s().decision.dtype ?? '')}` : ''}
            </p>
            <Show when={s().state === 'unavailable'}>
              <Show
                when={s().server !== undefined && s().error}
                fallback={
                  <p class="notice" role="alert">
                    {a().elsewhere}
                  </p>
                }
              >
                {(e) => (
                  <p class="error" role="alert" data-testid="ai-error" data-code={e().code}>
                    {a().serverDown} {errorSentence(e())}
                  </p>
                )}
              </Show>
            </Show>
            <Show when={s().state === 'ready' && s().server}>
              {(server) => (
                <>
                  <p class="notice" data-testid="ai-server" data-url={server().url} role="note">
                    {a().onServer(server().retentionHours)}
                  </p>
                  <NeedsNetwork feature="server" />
                </>
              )}
            </Show>
            <Show when={s().state === 'needs-download' || s().state === 'failed'}>
              <Show when={s().state === 'failed' && s().error}>
                {(e) => (
                  <p class="error" role="alert" data-testid="ai-error" data-code={e().code} data-model={e().model ?? ''}>
                    {a().failed} {errorSentence(e())} {e().model === undefined ? '' : a().failedModel(t().modelNames[e().model ?? ''] ?? e().model ?? '')}{' '}
                    {(s().bytes ?? 0) > 0 ? a().resumeHint : ''}
                  </p>
                )}
              </Show>
              <Show when={askConsent()}>{(real) => <AiModelConsent set={real()} bytes={setBytes(real())} agreed={agreed()} onAgree={setAgreed} />}</Show>
              <button
                type="button"
                class="button"
                data-testid="ai-download"
                disabled={((s().bytes ?? 0) > 0 && !online()) || (askConsent() !== undefined && !agreed())}
                onClick={startDownload}
              >
                {(s().bytes ?? 0) > 0 ? a().download(s().bytes ?? 0) : a().loadCached}
              </button>
              <Show when={(s().bytes ?? 0) > 0}>
                <NeedsNetwork feature="aiDownload" />
              </Show>
            </Show>
            <Show when={s().state === 'downloading' && download()}>
              {(d) => (
                <div class="download">
                  <progress data-testid="ai-download-progress" value={d().loaded} max={d().total} aria-label={a().downloading(d().loaded, d().total)} />
                  <p class="hint" aria-live="polite">
                    {a().downloading(d().loaded, d().total)}
                    {a().speed(d().bytesPerSecond, d().secondsLeft)}
                  </p>
                  <button type="button" class="button ghost" data-testid="ai-cancel-download" onClick={() => props.onCancel()}>
                    {a().cancelDownload}
                  </button>
                </div>
              )}
            </Show>
            <Show when={s().state === 'loading'}>
              <p class="hint" aria-live="polite">
                {a().loading}
              </p>
            </Show>
            <Show when={s().state === 'ready' && s().engine}>
              {(engine) => (
                <p class="hint" data-testid="ai-ready">
                  {engine().provider === 'server' ? a().serverReady(engine().loadMs) : a().ready(engine().loadMs)}
                </p>
              )}
            </Show>
          </div>
        )}
      </Show>
      <div class="ai-settings">
        <label class="field">
          <span>{a().seed}</span>
          <input
            type="number"
            data-testid="ai-seed"
            min="0"
            max="4294967295"
            step="1"
            value={props.settings.seed}
            onChange={(e) => {
              const seed = Number(e.currentTarget.value);
              if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) props.onSettings({ ...props.settings, seed });
            }}
          />
        </label>
        <button type="button" class="button ghost" data-testid="ai-new-seed" onClick={() => props.onSettings({ ...props.settings, seed: randomSeed() })}>
          {a().newSeed}
        </button>
        <label class="field">
          <span>{a().steps}</span>
          <select
            data-testid="ai-steps"
            value={String(props.settings.steps)}
            onChange={(e) => props.onSettings({ ...props.settings, steps: Number(e.currentTarget.value) })}
          >
            <For each={Array.from({ length: props.maxSteps }, (_, i) => i + 1)}>{(n) => <option value={String(n)}>{n}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>
            {a().strength} {Math.round(props.settings.strength * 100)}%
          </span>
          <input
            type="range"
            data-testid="ai-strength"
            min="0.1"
            max="1"
            step="0.05"
            value={props.settings.strength}
            onInput={(e) => props.onSettings({ ...props.settings, strength: Number(e.currentTarget.value) })}
          />
        </label>
      </div>
      <p class="hint">{a().noAnimation}</p>
    </div>
  );
}
