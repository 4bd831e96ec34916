import { describe, expect, it } from 'vitest';
import { bannerFor, type BannerLabel } from './banner.js';

const pub: BannerLabel = {
  policy: 'NONE',
  level: 'PUBLIC',
  rank: 0,
  releasableTo: ['PUBLIC'],
  levelName: 'Public',
};
const nu = (to: string[]): BannerLabel => ({
  policy: 'NATO',
  level: 'NATO_UNCLASSIFIED',
  rank: 1,
  releasableTo: to,
  levelName: 'NATO UNCLASSIFIED',
});

describe('the banner of an export', () => {
  it('says PUBLIC when everything is public or nothing is exported', () => {
    expect(bannerFor([pub, pub])).toBe('PUBLIC');
    expect(bannerFor([])).toBe('PUBLIC');
  });
  it('carries the highest level and only the nations every part is releasable to', () => {
    expect(bannerFor([pub, nu(['RS', 'NATO']), nu(['RS'])])).toBe(
      'NATO UNCLASSIFIED Releasable to RS',
    );
    expect(bannerFor([nu(['NATO', 'RS'])])).toBe('NATO UNCLASSIFIED Releasable to NATO, RS');
  });
  it('warns when the parts share no nation', () => {
    expect(bannerFor([nu(['RS']), nu(['NATO'])])).toMatch(/not releasable/);
  });
});
