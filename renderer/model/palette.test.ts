import { describe, expect, it } from 'vitest';
import { PALETTE_CATEGORIES, PALETTE_ITEMS, searchPalette, toDnsLabel } from './palette.js';
import { isDnsLabel } from './commands.js';

describe('palette', () => {
  it('has unique item ids and an item in every category', () => {
    expect(new Set(PALETTE_ITEMS.map((item) => item.id)).size).toBe(PALETTE_ITEMS.length);
    for (const category of PALETTE_CATEGORIES) expect(PALETTE_ITEMS.some((item) => item.category === category)).toBe(true);
  });

  it('bases new ids on DNS-1123 labels', () => {
    for (const item of PALETTE_ITEMS) expect(isDnsLabel(toDnsLabel(item.idBase)), item.id).toBe(true);
  });

  it('GIVEN words WHEN searching THEN items matching all of them are found', () => {
    expect(searchPalette('gateway').map((item) => item.id)).toStrictEqual(['collector:gateway']);
    expect(searchPalette('aws region').map((item) => item.id)).toStrictEqual(['site:aws']);
    expect(searchPalette('')).toHaveLength(PALETTE_ITEMS.length);
  });

  it.each([
    ['Gateway EU', 'gateway-eu'],
    ['--a__b--', 'a-b'],
    ['9lives', 'e-9lives'],
    ['', 'element'],
  ])('toDnsLabel(%j) is %j', (text, label) => {
    expect(toDnsLabel(text)).toBe(label);
  });
});
