// What a photo gives every sticker made of it — its decoded pixels, its faces, its person — worked
// out by its first sticker and reused while the user tries other words, styles or templates on it.
// One photo is held at a time: a different one releases the last one's pixels.

import type { DecodedPhoto } from './platform.ts';
import type { DetectedFace } from './stages/detect-face.ts';
import type { Segmented } from './stages/segment.ts';

interface Facts<Img> {
  decode: DecodedPhoto<Img>;
  'detect-face': DetectedFace;
  segment: Segmented;
}

/** Byte-for-byte equality, four bytes at a time: a phone photo is compared in about a millisecond. */
function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const words = a.byteLength >> 2;
  const wa = new Int32Array(a, 0, words);
  const wb = new Int32Array(b, 0, words);
  for (let i = 0; i < words; i++) if (wa[i] !== wb[i]) return false;
  const ta = new Uint8Array(a, words << 2);
  const tb = new Uint8Array(b, words << 2);
  for (let i = 0; i < ta.length; i++) if (ta[i] !== tb[i]) return false;
  return true;
}

export class PhotoMemo<Img> {
  private photo: ArrayBuffer | null = null;
  private readonly facts = new Map<keyof Facts<Img>, Promise<unknown>>();
  private decoded: DecodedPhoto<Img> | null = null;

  constructor(private readonly release: (image: Img) => void) {}

  /** The job's photo: the same bytes as the last job's keep what was worked out; others start afresh. */
  hold(photo: ArrayBuffer): void {
    if (this.photo !== null && sameBytes(this.photo, photo)) return;
    this.clear();
    this.photo = photo;
  }

  /**
   * The fact, worked out by `work` the first time it is asked for. A failure is not kept, nor a
   * value `keep` refuses (an answer made without a model that may load next time): the next job
   * works it out again.
   */
  once<K extends keyof Facts<Img>>(fact: K, work: () => Promise<Facts<Img>[K]>, keep: (value: Facts<Img>[K]) => boolean = () => true): Promise<Facts<Img>[K]> {
    const known = this.facts.get(fact) as Promise<Facts<Img>[K]> | undefined;
    if (known !== undefined) return known;
    const photo = this.photo;
    const found = work().then(
      (value) => {
        // Decoded pixels are released with their photo, never by the job that used them.
        if (fact === 'decode' && this.photo === photo) this.decoded = value as DecodedPhoto<Img>;
        if (!keep(value) && this.photo === photo) this.facts.delete(fact);
        return value;
      },
      (error: unknown) => {
        if (this.photo === photo) this.facts.delete(fact);
        throw error;
      },
    );
    this.facts.set(fact, found);
    return found;
  }

  /** Whether the fact is worked out, or being worked out, for this photo. */
  knows(fact: keyof Facts<Img>): boolean {
    return this.facts.has(fact);
  }

  /** Lets the photo go: its pixels are released. */
  clear(): void {
    if (this.decoded !== null) this.release(this.decoded.image);
    this.decoded = null;
    this.facts.clear();
    this.photo = null;
  }
}
