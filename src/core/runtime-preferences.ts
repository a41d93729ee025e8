// Where the engine runs each part, as the UI asks it in the init command (engine/runtime-choices.ts
// decides them): the face models' delegate, the warp's backend, the caption fonts, and why the AI
// gate decides as a weak phone. A leaf, so the worker's implementations read them without the protocol.

export type FaceDelegatePreference = 'auto' | 'cpu' | 'gpu';

export const WARP_BACKENDS = ['auto', 'webgpu', 'webgl2', 'canvas2d'] as const;
/** Where the expression warp draws; 'auto' = WebGPU on a hardware adapter, else WebGL2, else Canvas 2D. */
export type WarpBackendPreference = (typeof WARP_BACKENDS)[number];

/** 'bundled': the caption fonts shipped with the app (the default); 'system': the device's own, to compare. */
export type CaptionFontPreference = 'bundled' | 'system';

export const WEAK_DEVICE_REASONS = ['gate-param', 'wechat'] as const;
export type WeakDeviceReason = (typeof WEAK_DEVICE_REASONS)[number];
