// Where each part of the pipeline runs, from the URL's pins and the browser. Inside WeChat's in-app
// browser the app takes the weak-phone path whatever the page could detect there: MediaPipe on the
// CPU delegate, the warp on WebGL2 (Canvas 2D without it), the text encoder on wasm, one wasm
// thread, and the AI stage decided as for a phone without WebGPU, so it goes to the fallback server.
// A pin in the URL still wins. Pure, so the choices are unit-tested.

import { isWeChatUserAgent } from '../core/in-app-browser.ts';
import { WARP_BACKENDS, type FaceDelegatePreference, type WarpBackendPreference, type WeakDeviceReason } from '../core/runtime-preferences.ts';
import { TEXT_DEVICES, type TextDevicePreference } from '../core/text-protocol.ts';

export interface RuntimeChoices {
  faceDelegate: FaceDelegatePreference;
  warpBackend: WarpBackendPreference;
  textDevice: TextDevicePreference;
  /** Why the capability gate decides as a weak phone, or null: it asks this device. */
  assumeWeak: WeakDeviceReason | null;
  /** ?gate=shader-f16: the gate decides as if the adapter had shader-f16 (the real set's download, tested on a software GPU). */
  assumeShaderF16?: true;
  singleThreadWasm: boolean;
}

export function runtimeChoices(search: string, userAgent: string): RuntimeChoices {
  const params = new URLSearchParams(search);
  const weChat = isWeChatUserAgent(userAgent);
  const face = params.get('face');
  const warp = WARP_BACKENDS.find((b) => b === params.get('warp'));
  const text = TEXT_DEVICES.find((d) => d === params.get('text'));
  // ?gate=weak: the gate decides as a phone without WebGPU and with 1 GB would.
  const gateWeak = params.get('gate') === 'weak';
  return {
    faceDelegate: face === 'cpu' || face === 'gpu' ? face : weChat ? 'cpu' : 'auto',
    warpBackend: warp ?? (weChat ? 'webgl2' : 'auto'),
    textDevice: text ?? (weChat ? 'wasm' : 'auto'),
    assumeWeak: gateWeak ? 'gate-param' : weChat ? 'wechat' : null,
    singleThreadWasm: weChat,
    ...(params.get('gate') === 'shader-f16' ? { assumeShaderF16: true as const } : {}),
  };
}
