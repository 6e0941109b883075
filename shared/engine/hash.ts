/**
 * Small, deterministic, non-cryptographic hashes for generated names and checksums. Pure
 * TypeScript: the engine runs in the renderer too, so Node's crypto is not available.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The UTF-8 bytes of `text` (TextEncoder is a DOM / Node global, not ES2022). */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

/** 32-bit FNV-1a of the UTF-8 bytes of `text`, as 8 lowercase hex digits. */
export function fnv1a32(text: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8Bytes(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A 64-bit digest of `text` as 16 hex digits: FNV-1a from two different offset bases. Enough to
 * tell configs apart (a pod-template checksum), not to resist anyone forging a collision.
 */
export function contentHash(text: string): string {
  return fnv1a32(text) + fnv1a32(`\u0000${text}`);
}
