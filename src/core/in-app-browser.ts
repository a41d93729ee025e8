// WeChat's in-app browser (Android XWeb and iOS WKWebView both say MicroMessenger): downloads and
// installing are blocked there, and the app assumes no WebGPU, no service worker, little storage
// and no wasm threads. Pure, so the UI, the engine and the tests share one test of the user agent.

export function isWeChatUserAgent(userAgent: string): boolean {
  return /MicroMessenger/iu.test(userAgent);
}
