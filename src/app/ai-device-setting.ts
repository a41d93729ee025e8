// Where the user wants the AI redraw to run (自动 / 本机 / 服务器), remembered on this device. A
// link's ?ai= pin wins for that visit and is not remembered.

import { AI_DEVICE_PREFERENCES, type AiDevicePreference } from '../core/diffusion/capability.ts';
import { aiDeviceFromUrl } from '../engine/create-engine.ts';

const STORAGE_KEY = 'biaoqing.ai-device';

export function initialAiDevice(search: string): AiDevicePreference {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return aiDeviceFromUrl(search) ?? AI_DEVICE_PREFERENCES.find((d) => d === saved) ?? 'auto';
}

export function rememberAiDevice(device: AiDevicePreference): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, device);
}
