// EXIF payloads for uploads: the orientation tag alone, as cameras write it.

import { bytes } from '../../unit/support/image-bytes.ts';

/** An APP1 payload with one IFD0 entry, orientation, in either byte order. */
export function exifPayload(orientation: number, order: 'MM' | 'II' = 'MM'): Uint8Array {
  const u16 = (n: number): number[] => (order === 'MM' ? [n >> 8, n & 0xff] : [n & 0xff, n >> 8]);
  const u32 = (n: number): number[] => (order === 'MM' ? [0, 0, ...u16(n)] : [...u16(n), 0, 0]);
  return bytes('Exif\0\0', order, u16(42), u32(8), u16(1), u16(0x0112), u16(3), u32(1), u16(orientation), [0, 0], u32(0));
}
