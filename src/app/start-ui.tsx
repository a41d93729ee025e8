// The UI, a chunk of its own: main.tsx imports it once the sticker worker has started.
import { render } from 'solid-js/web';
import { App } from './App.tsx';

export function startUi(root: HTMLElement): void {
  render(() => <App />, root);
}
