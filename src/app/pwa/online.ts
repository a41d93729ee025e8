// Whether the browser thinks it is online, as a signal: navigator.onLine and its events.

import { createSignal } from 'solid-js';

const [online, setOnline] = createSignal(navigator.onLine);
window.addEventListener('online', () => setOnline(true));
window.addEventListener('offline', () => setOnline(false));

export { online };
