import { describe, expect, it } from 'vitest';
import { contentHash, fnv1a32 } from './hash.js';

describe('fnv1a32', () => {
  it('GIVEN the published FNV-1a test vectors WHEN hashed THEN matches them', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
  });

  it('GIVEN non-ASCII text WHEN hashed THEN hashes its UTF-8 bytes', () => {
    // "é" is C3 A9 in UTF-8: FNV-1a over those two bytes.
    let hash = 0x811c9dc5;
    for (const byte of [0xc3, 0xa9]) hash = Math.imul(hash ^ byte, 0x01000193);
    expect(fnv1a32('é')).toBe((hash >>> 0).toString(16).padStart(8, '0'));
  });
});

describe('contentHash', () => {
  it('GIVEN two texts that differ in one character WHEN hashed THEN the digests differ and are stable', () => {
    expect(contentHash('receivers: {}\n')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('receivers: {}\n')).toBe(contentHash('receivers: {}\n'));
    expect(contentHash('receivers: {}\n')).not.toBe(contentHash('receivers: {} \n'));
  });
});
