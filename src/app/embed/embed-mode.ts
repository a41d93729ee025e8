/** ?embed=1: the compact UI for an iframe, and the postMessage API for the page around it. */
export function isEmbedded(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}
