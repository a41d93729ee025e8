import { describe, expect, it } from 'vitest';
import { twoTone } from '../../../../src/core/image/two-tone.ts';

const W = 120;
const H = 120;

/** Skin lit from the left (a strong gradient) with two dark eyes and a mouth line. */
function face(): { lum: Float32Array; features: Uint8Array } {
  const lum = new Float32Array(W * H);
  const features = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const light = 220 - x; // 220 on the left, 100 on the right
      const eye = Math.hypot(x - 35, y - 45) < 7 || Math.hypot(x - 85, y - 45) < 7;
      const mouth = y >= 85 && y <= 87 && x >= 40 && x <= 80;
      features[i] = eye || mouth ? 1 : 0;
      lum[i] = eye || mouth ? light * 0.35 : light;
    }
  }
  return { lum, features };
}

describe('twoTone', () => {
  const inside = new Uint8Array(W * H).fill(1);

  it('inks the features in any light, and not the skin', () => {
    const { lum, features } = face();
    const ink = twoTone(lum, W, H, inside, 6);
    let onFeatures = 0;
    let onSkin = 0;
    let featureCount = 0;
    for (let i = 0; i < ink.length; i++) {
      if (features[i]) {
        featureCount++;
        onFeatures += ink[i]!;
      } else onSkin += ink[i]!;
    }
    // The dim right eye is inked as well as the bright left one.
    expect(ink[45 * W + 85]).toBe(1);
    expect(ink[45 * W + 35]).toBe(1);
    expect(onFeatures / featureCount).toBeGreaterThan(0.85);
    expect(onSkin / (W * H - featureCount)).toBeLessThan(0.2);
  });

  it('leaves a flat face clean, and ignores pixels outside the cut', () => {
    expect(twoTone(new Float32Array(W * H).fill(150), W, H, inside, 6).some((v) => v === 1)).toBe(false);
    const { lum } = face();
    const none = new Uint8Array(W * H);
    expect(twoTone(lum, W, H, none, 6).some((v) => v === 1)).toBe(false);
  });

  it('aims its ink share at the target', () => {
    const { lum } = face();
    const share = (target: number) => twoTone(lum, W, H, inside, 6, target).reduce((a, b) => a + b, 0) / (W * H);
    expect(share(0.05)).toBeLessThan(share(0.2) + 1e-9);
    expect(share(0.2)).toBeLessThan(0.25);
  });
});
