import { describe, expect, it } from 'vitest';
import { columnOfHeading } from './import-headings.js';
import { readTable, type SourceRow } from './import-layout.js';

/** The sheet as a ministry lays it out (IPAP shape), as the XLSX reader hands it over. */
const ministry: SourceRow[] = [
  { row: 1, cells: ['АКЦИОНИ ПЛАН ЗА СПРОВОЂЕЊЕ ИПАП 2016.'], merges: [[0, 5]] },
  {
    row: 2,
    cells: ['Р.бр.', 'Активност', 'Институције', '', 'Рок¹', 'Напомена'],
    merges: [[2, 3]],
  },
  { row: 3, cells: ['', '', 'Носилац', 'Партнери', '', ''] },
  { row: 4, cells: ['ПОГЛАВЉЕ 1: ПОЛИТИЧКА ПИТАЊА', '', '', '', '', ''], merges: [[0, 5]] },
  { row: 5, cells: ['1', 'Израда стратегије', 'МО', 'МСП', 'IV квартал 2016. године', ''] },
  { row: 6, cells: ['2', 'Обука', 'МО, ГШ ВС', '', 'I–II квартал 2016.', ''] },
  { row: 7, cells: ['Економска питања', '', '', '', '', ''], merges: [[0, 5]] },
  { row: 8, cells: ['1', 'Буџет', 'МФ', '', 'током 2016.', ''] },
  { row: 10, cells: ['¹ Рок је оквирни.'], merges: [[0, 5]] },
];

describe('finding the table in a ministry sheet', () => {
  it('recognises headings in English, Serbian Latin and Cyrillic after transliterating', () => {
    expect(columnOfHeading('Активност')).toBe('titleSr');
    expect(columnOfHeading('Aktivnost')).toBe('titleSr');
    expect(columnOfHeading('Activity')).toBe('titleEn');
    expect(columnOfHeading('Носилац')).toBe('leadOrganisation');
    expect(columnOfHeading('Nosilac')).toBe('leadOrganisation');
    expect(columnOfHeading('Responsible institution')).toBe('leadOrganisation');
    expect(columnOfHeading('Рок¹')).toBe('dueOn');
    expect(columnOfHeading('Rok za realizaciju aktivnosti')).toBe('dueOn');
    expect(columnOfHeading('Deadline')).toBe('dueOn');
    expect(columnOfHeading('Партнери')).toBe('partnerOrganisations');
    expect(columnOfHeading('Напомена')).toBe('descriptionSr');
    expect(columnOfHeading('Р.бр.')).toBe('code');
    expect(columnOfHeading('Индикатор')).toBeUndefined();
  });

  it('finds a two-row merged heading below a title row, and says so', () => {
    const table = readTable(ministry);
    expect(table.columns).toEqual({
      code: 0,
      titleSr: 1,
      leadOrganisation: 2,
      partnerOrganisations: 3,
      dueOn: 4,
      descriptionSr: 5,
    });
    expect(table.headings?.map((h) => `${h.letter} ${h.text}`)).toEqual([
      'A Р.бр.',
      'B Активност',
      'C Носилац',
      'D Партнери',
      'E Рок¹',
      'F Напомена',
    ]);
    const said = table.decisions!.map((d) => d.message);
    expect(said).toContain('Row 1: above the heading (a title), ignored');
    expect(said).toContain('Rows 2–3: taken as the heading (two rows)');
  });

  it('takes merged banners as chapters — the code they carry, or the next number — and ignores footnotes', () => {
    const table = readTable(ministry);
    const said = table.decisions!.map((d) => d.message);
    expect(said).toContain('Row 4: chapter banner → chapter 1');
    expect(said).toContain('Row 7: chapter banner → chapter 2 (numbered in order)');
    expect(said).toContain('Row 10: footnote, ignored');
    expect(table.rows.map((r) => [r.row, r.values.code, r.values.parentCode ?? null])).toEqual([
      [4, '1', null],
      [5, '', '1'],
      [6, '', '1'],
      [7, '2', null],
      [8, '', '2'],
    ]);
    expect(table.rows[0]).toMatchObject({ banner: true, values: { titleSr: 'ПОЛИТИЧКА ПИТАЊА' } });
    expect(table.rows[3]!.values.titleSr).toBe('Економска питања');
    expect(said.some((m) => m.startsWith('Column A «Р.бр.» holds running numbers'))).toBe(true);
  });

  it('keeps codes under a banner that follow its numbering', () => {
    const table = readTable([
      { row: 1, cells: ['Šifra', 'Aktivnost', 'Rok'] },
      { row: 2, cells: ['Poglavlje 3 – Odbrana', '', ''], merges: [[0, 2]] },
      { row: 3, cells: ['3.1', 'Vežba', '2017'] },
    ]);
    expect(table.rows.map((r) => [r.values.code, r.values.parentCode ?? null])).toEqual([
      ['3', null],
      ['3.1', null],
    ]);
  });

  it('applies a remembered mapping to a heading it does not know', () => {
    const rows: SourceRow[] = [
      { row: 1, cells: ['Šifra', 'Aktivnost', 'Zaduženi'] },
      { row: 2, cells: ['1', 'Vežba', 'MO'] },
    ];
    expect(readTable(rows).headings![2]).toMatchObject({ source: 'unknown', key: 'zaduzeni' });
    const mapped = readTable(rows, 100, { zaduzeni: 'leadOrganisation' });
    expect(mapped.columns.leadOrganisation).toBe(2);
    expect(mapped.headings![2]).toMatchObject({ source: 'mapped', column: 'leadOrganisation' });
    expect(mapped.rows[0]!.values.leadOrganisation).toBe('MO');
    expect(readTable(rows, 100, { zaduzeni: 'ignore' }).headings![2]!.source).toBe('ignored');
  });
});
