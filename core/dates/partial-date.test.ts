import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateLocale, PrecisionDate } from './partial-date.js';
import {
  formatPartialDate,
  isValidPartialDate,
  parsePartialDate,
  partialDateBounds,
  partialDateSortKey,
} from './partial-date.js';

/** Any real calendar day between 1900 and 2100, written YYYY-MM-DD. */
const isoDay = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('parsePartialDate', () => {
  it('splits years, months and days into numbers', () => {
    expect(parsePartialDate('2011')).toEqual({ year: 2011 });
    expect(parsePartialDate('2003-03')).toEqual({ year: 2003, month: 3 });
    expect(parsePartialDate('2015-01-15')).toEqual({ year: 2015, month: 1, day: 15 });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parsePartialDate('2016-02-29')).toEqual({ year: 2016, month: 2, day: 29 });
    expect(parsePartialDate('2000-02-29')).not.toBeNull();
    expect(parsePartialDate('2015-02-29')).toBeNull();
    expect(parsePartialDate('1900-02-29')).toBeNull();
  });

  it('rejects months and days that do not exist', () => {
    expect(parsePartialDate('2015-13')).toBeNull();
    expect(parsePartialDate('2015-00')).toBeNull();
    expect(parsePartialDate('2015-04-31')).toBeNull();
    expect(parsePartialDate('2015-01-00')).toBeNull();
    expect(parsePartialDate('2015-01-32')).toBeNull();
  });

  it('rejects anything not written YYYY, YYYY-MM or YYYY-MM-DD', () => {
    for (const text of [
      '',
      '15-01-2015',
      '2015-1-5',
      ' 2015',
      '2015-01-15T00:00',
      '２０１５',
      '201',
    ]) {
      expect(parsePartialDate(text)).toBeNull();
    }
  });

  it('accepts every real calendar day', () => {
    fc.assert(
      fc.property(isoDay, (day) => {
        expect(isValidPartialDate(day)).toBe(true);
      }),
    );
  });
});

describe('isValidPartialDate', () => {
  it('agrees with parsePartialDate', () => {
    expect(isValidPartialDate('2016-02-29')).toBe(true);
    expect(isValidPartialDate('2015-02-29')).toBe(false);
    expect(isValidPartialDate('2015-13')).toBe(false);
    expect(isValidPartialDate('')).toBe(false);
  });
});

function fmt(
  locale: DateLocale,
  date: string,
  precision: PrecisionDate['precision'],
  end?: string,
) {
  return formatPartialDate({ date, end: end ?? null, precision }, locale);
}

describe('formatPartialDate in English', () => {
  it('writes single dates at their precision', () => {
    expect(fmt('en', '2015-01-15', 'day')).toBe('15 January 2015');
    expect(fmt('en', '2003-03', 'month')).toBe('March 2003');
    expect(fmt('en', '2011', 'year')).toBe('2011');
  });

  it('never shows more than the stated precision or than the date holds', () => {
    expect(fmt('en', '2015-01-15', 'month')).toBe('January 2015');
    expect(fmt('en', '2015-01-15', 'year')).toBe('2015');
    expect(fmt('en', '2015-01', 'day')).toBe('January 2015');
  });

  it('writes what both ends of a range share only once', () => {
    expect(fmt('en', '2003-03-20', 'range', '2003-03-22')).toBe('20–22 March 2003');
    expect(fmt('en', '2015-03-31', 'range', '2015-04-02')).toBe('31 March – 2 April 2015');
    expect(fmt('en', '2013-09-04', 'range', '2013-10-08')).toBe('4 September – 8 October 2013');
    expect(fmt('en', '2014-12-25', 'range', '2015-01-02')).toBe(
      '25 December 2014 – 2 January 2015',
    );
  });

  it('writes ranges of months and years with a closed-up dash', () => {
    expect(fmt('en', '2003-03', 'range', '2003-04')).toBe('March–April 2003');
    expect(fmt('en', '2011', 'range', '2013')).toBe('2011–2013');
    expect(fmt('en', '2014-12', 'range', '2015-01')).toBe('December 2014 – January 2015');
  });

  it('writes ranges whose ends have different precision in full around a spaced dash', () => {
    expect(fmt('en', '2003-03-20', 'range', '2003-04')).toBe('20 March – April 2003');
    expect(fmt('en', '2011', 'range', '2013-03')).toBe('2011 – March 2013');
    expect(fmt('en', '2003-03', 'range', '2003-04-02')).toBe('March – 2 April 2003');
  });

  it('writes a range that starts and ends on the same date as one date', () => {
    expect(fmt('en', '2003-03-20', 'range', '2003-03-20')).toBe('20 March 2003');
  });

  it('writes a range without an end as its start date', () => {
    expect(fmt('en', '2003-03-20', 'range')).toBe('20 March 2003');
  });

  it('marks approximate dates with c.', () => {
    expect(fmt('en', '2014', 'approximate')).toBe('c. 2014');
    expect(fmt('en', '2002-04', 'approximate')).toBe('c. April 2002');
    expect(fmt('en', '2015-01-15', 'approximate')).toBe('c. 15 January 2015');
    expect(fmt('en', '2011', 'approximate', '2013')).toBe('c. 2011–2013');
  });

  it('shows a stored value that is not a valid date as it is', () => {
    expect(fmt('en', '2015-02-29', 'day')).toBe('2015-02-29');
  });
});

describe('formatPartialDate in Serbian', () => {
  it('writes days, months and years with ordinal full stops and nominative months', () => {
    expect(fmt('sr-Latn', '2015-01-15', 'day')).toBe('15. januar 2015.');
    expect(fmt('sr-Latn', '2003-03', 'month')).toBe('mart 2003.');
    expect(fmt('sr-Latn', '2011', 'year')).toBe('2011.');
  });

  it('writes ranges with the shared parts once', () => {
    expect(fmt('sr-Latn', '2003-03-20', 'range', '2003-03-22')).toBe('20–22. mart 2003.');
    expect(fmt('sr-Latn', '2015-03-31', 'range', '2015-04-02')).toBe('31. mart – 2. april 2015.');
    expect(fmt('sr-Latn', '2014-12-25', 'range', '2015-01-02')).toBe(
      '25. decembar 2014. – 2. januar 2015.',
    );
    expect(fmt('sr-Latn', '2003-03', 'range', '2003-04')).toBe('mart–april 2003.');
    expect(fmt('sr-Latn', '2011', 'range', '2013')).toBe('2011–2013.');
  });

  it('says oko before approximate years and približno before approximate months and days', () => {
    expect(fmt('sr-Latn', '2014', 'approximate')).toBe('oko 2014.');
    expect(fmt('sr-Latn', '2002-04', 'approximate')).toBe('približno april 2002.');
    expect(fmt('sr-Latn', '2015-01-15', 'approximate')).toBe('približno 15. januar 2015.');
  });

  it('writes every month name correctly in both scripts', () => {
    const latin = Array.from({ length: 12 }, (_, i) =>
      fmt('sr-Latn', `2020-${String(i + 1).padStart(2, '0')}`, 'month'),
    );
    const cyrillic = Array.from({ length: 12 }, (_, i) =>
      fmt('sr-Cyrl', `2020-${String(i + 1).padStart(2, '0')}`, 'month'),
    );
    expect(latin.join(', ')).toBe(
      'januar 2020., februar 2020., mart 2020., april 2020., maj 2020., jun 2020., ' +
        'jul 2020., avgust 2020., septembar 2020., oktobar 2020., novembar 2020., decembar 2020.',
    );
    expect(cyrillic.join(', ')).toBe(
      'јануар 2020., фебруар 2020., март 2020., април 2020., мај 2020., јун 2020., ' +
        'јул 2020., август 2020., септембар 2020., октобар 2020., новембар 2020., децембар 2020.',
    );
  });

  it('writes Cyrillic as the Latin form transliterated', () => {
    expect(fmt('sr-Cyrl', '2003-03-20', 'range', '2003-03-22')).toBe('20–22. март 2003.');
    expect(fmt('sr-Cyrl', '2014', 'approximate')).toBe('око 2014.');
    expect(fmt('sr-Cyrl', '2002-04', 'approximate')).toBe('приближно април 2002.');
  });
});

describe('partialDateSortKey', () => {
  it('fills missing months and days with 01', () => {
    expect(partialDateSortKey('2011')).toBe('2011-01-01');
    expect(partialDateSortKey('2003-03')).toBe('2003-03-01');
    expect(partialDateSortKey('2015-01-15')).toBe('2015-01-15');
  });

  it('refuses invalid dates rather than sorting them somewhere arbitrary', () => {
    expect(() => partialDateSortKey('2015-02-29')).toThrow(RangeError);
    expect(() => partialDateSortKey('')).toThrow(RangeError);
  });
});

describe('partialDateBounds', () => {
  it('runs from the first to the last day of the year or month', () => {
    expect(partialDateBounds('2011')).toEqual({ from: '2011-01-01', to: '2011-12-31' });
    expect(partialDateBounds('2015-04')).toEqual({ from: '2015-04-01', to: '2015-04-30' });
    expect(partialDateBounds('2015-02')).toEqual({ from: '2015-02-01', to: '2015-02-28' });
    expect(partialDateBounds('2016-02')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(partialDateBounds('2015-01-15')).toEqual({ from: '2015-01-15', to: '2015-01-15' });
  });

  it('contains every day of the month and year it stands for', () => {
    fc.assert(
      fc.property(isoDay, (day) => {
        for (const coarse of [day.slice(0, 4), day.slice(0, 7)]) {
          const { from, to } = partialDateBounds(coarse);
          expect(from <= day && day <= to).toBe(true);
          expect(partialDateSortKey(coarse)).toBe(from);
        }
      }),
    );
  });

  it('refuses invalid dates', () => {
    expect(() => partialDateBounds('2015-13')).toThrow(RangeError);
  });
});
