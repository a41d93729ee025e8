import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import { loadEmbedOrigins } from './embed-config.ts';
import { startEmbedBridge, type EmbedTarget } from './embed-bridge.ts';

interface Props {
  /** The engine can take a job (its worker said ready). */
  ready: boolean;
  target: EmbedTarget;
}

/** Opens the postMessage API once the engine is ready and the allow-list is known. Draws nothing. */
export function EmbedBridge(props: Props) {
  const [origins, setOrigins] = createSignal<string[] | null>(null);
  let stop: (() => void) | undefined;
  onMount(() => void loadEmbedOrigins(window.location).then(setOrigins));
  createEffect(() => {
    const allowed = origins();
    if (allowed === null || !props.ready || stop !== undefined) return;
    stop = startEmbedBridge(window, allowed, props.target);
  });
  onCleanup(() => stop?.());
  return null;
}
