// Where the pipeline runs per browser: WeChat's in-app browser takes the weak-phone path (CPU face
// delegate, WebGL2 warp, wasm text encoder on one thread, the AI gate as a weak phone), other
// browsers decide by what they find, and a URL pin wins in both.
import { describe, expect, it } from 'vitest';
import { runtimeChoices } from '../../../src/engine/runtime-choices.ts';
import { parseTextCommand } from '../../../src/core/text-protocol.ts';

const WECHAT_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const WECHAT_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2c) NetType/WIFI Language/zh_CN';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

describe('runtime choices', () => {
  it.each([WECHAT_ANDROID, WECHAT_IOS])('in WeChat: the weak-phone path (%#)', (ua) => {
    expect(runtimeChoices('', ua)).toEqual({ faceDelegate: 'cpu', warpBackend: 'webgl2', textDevice: 'wasm', assumeWeak: 'wechat', singleThreadWasm: true });
  });

  it('elsewhere: decided by what the browser has', () => {
    expect(runtimeChoices('', DESKTOP)).toEqual({ faceDelegate: 'auto', warpBackend: 'auto', textDevice: 'auto', assumeWeak: null, singleThreadWasm: false });
  });

  it('a pin in the URL wins, in WeChat too', () => {
    expect(runtimeChoices('?face=gpu&warp=canvas2d&text=webgpu', WECHAT_ANDROID)).toMatchObject({
      faceDelegate: 'gpu',
      warpBackend: 'canvas2d',
      textDevice: 'webgpu',
      assumeWeak: 'wechat',
    });
    expect(runtimeChoices('?face=cpu&gate=weak', DESKTOP)).toMatchObject({ faceDelegate: 'cpu', assumeWeak: 'gate-param', singleThreadWasm: false });
    expect(runtimeChoices('?gate=weak', WECHAT_IOS).assumeWeak).toBe('gate-param');
  });

  it('?gate=shader-f16 lets the gate assume the adapter has shader-f16, and nothing else', () => {
    expect(runtimeChoices('?gate=shader-f16', DESKTOP)).toEqual({ ...runtimeChoices('', DESKTOP), assumeShaderF16: true });
    expect(runtimeChoices('?gate=shader-f16', WECHAT_IOS).assumeWeak).toBe('wechat');
  });

  it('ignores values it does not know', () => {
    expect(runtimeChoices('?face=tpu&warp=metal&text=npu&gate=strong', DESKTOP)).toEqual(runtimeChoices('', DESKTOP));
  });

  it('the text worker is told the thread setting, and refuses an init without it', () => {
    const options = { assetBase: '/', encoder: 'clip-text-fixture', device: 'wasm', singleThreadWasm: true };
    expect(parseTextCommand({ type: 'init', options })).toEqual({ type: 'init', options });
    expect(parseTextCommand({ type: 'init', options: { ...options, singleThreadWasm: 'yes' } })).toBeNull();
  });
});
