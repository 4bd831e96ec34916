import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIGRAPH_EXCEPTIONS,
  detectScript,
  displayInScript,
  searchVariants,
  toCyrillic,
  toLatin,
} from './transliterate.js';

const CYRILLIC_LOWER = Array.from('абвгдђежзијклљмнњопрстћуфхцчџш');
const CYRILLIC_UPPER = CYRILLIC_LOWER.map((ch) => ch.toUpperCase());
const LATIN_LOWER = [
  'a',
  'b',
  'c',
  'č',
  'ć',
  'd',
  'đ',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
].concat(['m', 'n', 'o', 'p', 'r', 's', 'š', 't', 'u', 'v', 'z', 'ž']);

const exceptionStems = DIGRAPH_EXCEPTIONS.map((entry) => entry.replace('|', ''));

/** Latin words whose Cyrillic spelling is ambiguous by design (see the module's data tables). */
function hasDocumentedConflict(latin: string): boolean {
  return latin.split(' ').some((word) => {
    const lower = word.toLowerCase();
    return /^[IVXLCDM]{2,}$/.test(word) || exceptionStems.some((stem) => lower.startsWith(stem));
  });
}

describe('toLatin', () => {
  it('writes every Serbian Cyrillic letter with its Latin equivalent', () => {
    expect(toLatin('ђак ћуприја чаша шума жаба јаје џеп љубав њива')).toBe(
      'đak ćuprija čaša šuma žaba jaje džep ljubav njiva',
    );
    expect(toLatin('Партнерство за мир')).toBe('Partnerstvo za mir');
  });

  it('writes a capital digraph letter in title case before a lower-case letter', () => {
    expect(toLatin('Љубав')).toBe('Ljubav');
    expect(toLatin('Његош')).toBe('Njegoš');
    expect(toLatin('Џеп')).toBe('Džep');
  });

  it('writes a capital digraph letter in full capitals inside an all-caps word', () => {
    expect(toLatin('ЉУБОВ')).toBe('LJUBOV');
    expect(toLatin('ЊЕГОШ')).toBe('NJEGOŠ');
    expect(toLatin('ЏЕП')).toBe('DŽEP');
    expect(toLatin('КОЊ')).toBe('KONJ');
  });

  it('writes a lone capital digraph letter in title case', () => {
    expect(toLatin('Љ')).toBe('Lj');
  });

  it('passes through characters that are not Serbian Cyrillic', () => {
    expect(toLatin('NATO, ИПАП 2019–2021, ыя!')).toBe('NATO, IPAP 2019–2021, ыя!');
  });

  it('never leaves a Serbian Cyrillic letter behind', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...CYRILLIC_LOWER, ...CYRILLIC_UPPER, ' ') }),
        (text) => {
          expect(toLatin(text)).not.toMatch(/[а-шђјљњћџА-ШЂЈЉЊЋЏ]/u);
        },
      ),
    );
  });
});

describe('toCyrillic', () => {
  it('converts ordinary Serbian Latin text', () => {
    expect(toCyrillic('Partnerstvo za mir')).toBe('Партнерство за мир');
    expect(toCyrillic('đak ćuprija čaša šuma žaba jaje')).toBe('ђак ћуприја чаша шума жаба јаје');
  });

  it('converts all-caps acronyms and leaves digits and dashes alone', () => {
    expect(toCyrillic('IPAP 2019–2021')).toBe('ИПАП 2019–2021');
    expect(toCyrillic('NATO')).toBe('НАТО');
    expect(toCyrillic('KFOR')).toBe('КФОР');
    expect(toCyrillic('PARP')).toBe('ПАРП');
    expect(toCyrillic('OSCE')).toBe('ОСЦЕ');
  });

  it('turns lj, nj and dž into single letters in every casing', () => {
    expect(toCyrillic('ljubav Ljubav LJUBAV')).toBe('љубав Љубав ЉУБАВ');
    expect(toCyrillic('njiva Njegoš NJEGOŠ')).toBe('њива Његош ЊЕГОШ');
    expect(toCyrillic('džep Džep DŽEP')).toBe('џеп Џеп ЏЕП');
  });

  it('keeps the two letters apart in words from the exception list', () => {
    expect(toCyrillic('injekcija')).toBe('инјекција');
    expect(toCyrillic('Injektirati')).toBe('Инјектирати');
    expect(toCyrillic('INJEKCIJA')).toBe('ИНЈЕКЦИЈА');
    expect(toCyrillic('konjunkcija konjunktura konjugacija')).toBe(
      'конјункција конјунктура конјугација',
    );
    expect(toCyrillic('vanjezički')).toBe('ванјезички');
    expect(toCyrillic('Tanjug')).toBe('Танјуг');
    expect(toCyrillic('nadživeti')).toBe('надживети');
    expect(toCyrillic('odžaliti')).toBe('оджалити');
    expect(toCyrillic('podžupan podžanr')).toBe('поджупан поджанр');
  });

  it('splits only the listed pair, so other digraphs in the same word still convert', () => {
    expect(toCyrillic('nadživljavati')).toBe('надживљавати');
    expect(toCyrillic('nadžnjeti')).toBe('наджњети');
  });

  it('does not treat ordinary words that merely resemble exceptions as exceptions', () => {
    expect(toCyrillic('konj konjica Konjic')).toBe('коњ коњица Коњиц');
    expect(toCyrillic('odžak nadžak vanjski')).toBe('оџак наџак вањски');
  });

  it('reads Latin dj as two letters, because correct Latin writes đ', () => {
    expect(toCyrillic('odjek podjela đak')).toBe('одјек подјела ђак');
  });

  it('leaves URLs, bare domains and e-mail addresses untouched', () => {
    expect(toCyrillic('Vidi https://www.nato.int/cps/en/natohq/topics_50349.htm.')).toBe(
      'Види https://www.nato.int/cps/en/natohq/topics_50349.htm.',
    );
    expect(toCyrillic('sajt www.nato.int i nato.int')).toBe('сајт www.nato.int и nato.int');
    expect(toCyrillic('pišite na kabinet@mod.gov.rs, hvala')).toBe(
      'пишите на kabinet@mod.gov.rs, хвала',
    );
  });

  it('leaves words with letters outside the Serbian alphabet in Latin', () => {
    expect(toCyrillic('samit u Walesu i Washingtonu')).toBe('самит у Walesu и Washingtonu');
    expect(toCyrillic('Xavier Solana, Müller')).toBe('Xavier Солана, Müller');
  });

  it('leaves Roman numerals in Latin but still converts Serbian words that look like them', () => {
    expect(toCyrillic('XXI vek, Petar II, IV faza')).toBe('XXI век, Петар II, IV фаза');
    expect(toCyrillic('MI I VI')).toBe('МИ И ВИ');
  });

  it('understands digraph ligatures and decomposed diacritics', () => {
    expect(toCyrillic('ǌegoš ǅak')).toBe('његош Џак');
    expect(toCyrillic('z\u030Caba')).toBe('жаба');
  });

  it('restores any Cyrillic text written in Latin, apart from the documented conflicts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...CYRILLIC_LOWER, ...CYRILLIC_UPPER, ' ') }),
        (cyrillic) => {
          const latin = toLatin(cyrillic);
          // нј, лј and дж written in Cyrillic are indistinguishable from њ, љ and џ in Latin.
          fc.pre(!/[нл]ј|дж/iu.test(cyrillic) && !hasDocumentedConflict(latin));
          expect(toCyrillic(latin)).toBe(cyrillic);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns lower-case Serbian Latin text unchanged after a trip through Cyrillic', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LATIN_LOWER, ' ') }), (latin) => {
        expect(toLatin(toCyrillic(latin))).toBe(latin);
      }),
      { numRuns: 500 },
    );
  });
});

describe('displayInScript', () => {
  it('shows text in the requested script whichever script it was typed in', () => {
    expect(displayInScript('Partnerstvo za mir', 'Cyrl')).toBe('Партнерство за мир');
    expect(displayInScript('Партнерство за мир', 'Latn')).toBe('Partnerstvo za mir');
    expect(displayInScript('Партнерство за мир', 'Cyrl')).toBe('Партнерство за мир');
    expect(displayInScript('Partnerstvo za mir', 'Latn')).toBe('Partnerstvo za mir');
  });
});

describe('detectScript', () => {
  it('names the script most letters are written in', () => {
    expect(detectScript('Партнерство за мир')).toBe('Cyrl');
    expect(detectScript('Partnerstvo za mir')).toBe('Latn');
    expect(detectScript('Споразум SOFA')).toBe('Cyrl');
  });

  it('ignores addresses when counting letters', () => {
    expect(detectScript('Види https://www.nato.int/cps/en/natohq/index.htm')).toBe('Cyrl');
  });

  it('reports none when there are no letters', () => {
    expect(detectScript('')).toBe('none');
    expect(detectScript('2019–2021')).toBe('none');
  });
});

describe('searchVariants', () => {
  it('gives the lower-case Latin and Cyrillic forms of the text', () => {
    expect(searchVariants('Partnerstvo za MIR')).toEqual([
      'partnerstvo za mir',
      'партнерство за мир',
    ]);
    expect(searchVariants('Партнерство за МИР')).toEqual([
      'partnerstvo za mir',
      'партнерство за мир',
    ]);
  });

  it('gives a single variant when both scripts look the same', () => {
    expect(searchVariants('2019–2021')).toEqual(['2019–2021']);
  });
});

describe('acronyms Serbian keeps in Latin letters', () => {
  it('stay as written in Cyrillic text', () => {
    expect(toCyrillic('Evaluacija OCC E&F za četu')).toBe('Евалуација OCC E&F за чету');
    expect(toCyrillic('nivo NEL2 i SEL1')).toBe('ниво NEL2 и SEL1');
    expect(toCyrillic('Liaison API')).toBe('Liaison API');
  });

  it('are matched as whole words in their exact case only', () => {
    expect(toCyrillic('occ')).toBe('оцц');
    expect(toCyrillic('OCCA')).toBe('ОЦЦА');
    expect(toCyrillic('(OCC)')).toBe('(OCC)');
  });

  it('leave acronyms Serbian writes in Cyrillic to be transliterated, in capitals', () => {
    expect(toCyrillic('NATO, KFOR, IPAP i PARP')).toBe('НАТО, КФОР, ИПАП и ПАРП');
  });
});
