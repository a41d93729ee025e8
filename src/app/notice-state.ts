import { createSignal } from 'solid-js';

/**
 * The one line under the form: a model's download, or why a model could not load. Downloads run
 * side by side, so a failure can come before another model's "ready"; the failure stays until the
 * user acts again, or the line would say all is well when the face model is missing.
 */
export function createNotice() {
  const [line, setLine] = createSignal<{ text: string; failure: boolean } | null>(null);
  return {
    text: () => line()?.text ?? '',
    progress: (text: string) => {
      if (line()?.failure !== true) setLine({ text, failure: false });
    },
    failure: (text: string) => setLine({ text, failure: true }),
    clear: () => setLine(null),
    /** The user acted and the failed model is being fetched again. */
    clearFailure: () => {
      if (line()?.failure === true) setLine(null);
    },
  };
}
