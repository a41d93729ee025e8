// The incremental SHA-256 against node:crypto (OpenSSL), an independent implementation: every
// padding edge, whole-block and odd lengths, 1 MB, and the same bytes split at every kind of point.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../../../src/core/models/sha256-stream.ts';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Sha256 (incremental)', () => {
  it('matches the FIPS 180-2 examples', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(new Sha256().digestHex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(text('abc')).digestHex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(new Sha256().update(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).digestHex()).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  const lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 1000, 4095, 4096, 65_537, 1_000_000, 1 << 20];
  it.each(lengths)('hashes %i bytes given at once like node:crypto', (length) => {
    const bytes = randomBytes(length);
    expect(new Sha256().update(bytes).digestHex()).toBe(reference(bytes));
  });

  it('gives the same hash however the bytes are split', () => {
    const bytes = new Uint8Array(randomBytes(10_000));
    const expected = reference(bytes);
    for (const size of [1, 7, 55, 56, 63, 64, 65, 100, 4096, 9_999]) {
      const hasher = new Sha256();
      for (let at = 0; at < bytes.length; at += size) hasher.update(bytes.subarray(at, at + size));
      expect(hasher.digestHex(), `pieces of ${size}`).toBe(expected);
    }
    for (const cut of [0, 1, 55, 56, 63, 64, 65, 5_000, 9_999, 10_000]) {
      const hasher = new Sha256().update(bytes.subarray(0, cut)).update(new Uint8Array(0)).update(bytes.subarray(cut));
      expect(hasher.digestHex(), `split at ${cut}`).toBe(expected);
    }
  });

  it('reads views at any offset of a larger buffer', () => {
    const backing = new Uint8Array(randomBytes(5_000));
    const view = backing.subarray(3, 4_003); // not 4-byte aligned
    expect(new Sha256().update(view).digestHex()).toBe(reference(view));
  });

  it('hashes random pieces of random lengths like node:crypto', () => {
    for (let round = 0; round < 20; round++) {
      const bytes = new Uint8Array(randomBytes(1 + Math.floor(Math.random() * 300_000)));
      const hasher = new Sha256();
      for (let at = 0; at < bytes.length;) {
        const size = Math.floor(Math.random() * 70_000);
        hasher.update(bytes.subarray(at, at + size));
        at += size;
      }
      expect(hasher.digestHex()).toBe(reference(bytes));
    }
  });

  it('refuses to be fed or read after the digest', () => {
    const hasher = new Sha256();
    hasher.digestHex();
    expect(() => hasher.update(new Uint8Array(1))).toThrow(/after digest/);
    expect(() => hasher.digestHex()).toThrow(/twice/);
  });
});
