// Browser platform: SHA-256 of bytes already in hand through WebCrypto (native, fast); a file that
// arrives piece by piece is hashed by core/models/sha256-stream.ts instead. Must not import UI code.

export async function sha256Hex(data: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
