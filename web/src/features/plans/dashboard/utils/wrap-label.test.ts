import { describe, expect, it } from 'vitest';
import { wrapLabel } from './wrap-label.js';

describe('chart axis labels', () => {
  it('wraps a long institution name at word boundaries instead of cutting it', () => {
    expect(wrapLabel('Defence Policy and Planning Division', 16, 3)).toEqual([
      'Defence Policy',
      'and Planning',
      'Division',
    ]);
  });

  it('ends the last line with an ellipsis when the name needs more lines', () => {
    expect(wrapLabel('Allied Joint Force Command Naples Italy', 12, 2)).toEqual([
      'Allied Joint',
      'Force…',
    ]);
  });

  it('shortens a single word longer than a line', () => {
    expect(wrapLabel('Interoperabilnost', 10, 2)).toEqual(['Interoper…']);
  });

  it('keeps a short name on one line', () => {
    expect(wrapLabel('1 Public diplomacy', 30, 3)).toEqual(['1 Public diplomacy']);
  });
});
