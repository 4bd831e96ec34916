import { describe, expect, it } from 'vitest';
import {
  cellText,
  csvRecords,
  decodeUtf8,
  detectSeparator,
  ImportFileError,
  ImportLimitError,
  parseCsv,
  readTable,
} from './import-table.js';
import { normaliseDate, normaliseDue, parseNumber, parseStatus } from './import-values.js';

describe('CSV reader', () => {
  it('stops at the first field longer than the cap, quoted or not, naming row and column', () => {
    const records = csvRecords(`a;b\nok;${'x'.repeat(11)}\nnever;read`, ';', 10);
    expect(records.next().value).toEqual({ row: 1, cells: ['a', 'b'] });
    expect(() => records.next()).toThrow(ImportLimitError);
    expect(() => [...csvRecords(`a;"${'y'.repeat(11)}"`, ';', 10)]).toThrow(
      /Row 1, column 2 holds more than 10 characters/,
    );
  });

  it('refuses more rows than the cap as a limit', () => {
    const rows = [
      { row: 1, cells: ['Code'] },
      ...[2, 3, 4].map((row) => ({ row, cells: [`1.${row}`] })),
    ];
    expect(() => readTable(rows, 2)).toThrow(ImportLimitError);
    expect(() => readTable(rows, 2)).toThrow(/more than 2 rows/);
  });

  it('reads quoted cells with separators, doubled quotes and line breaks', () => {
    const rows = parseCsv('a;"b;c";"say ""hi"""\r\n"two\nlines";x;\r\nlast;;z');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b;c', 'say "hi"'] },
      { row: 2, cells: ['two\nlines', 'x', ''] },
      { row: 4, cells: ['last', '', 'z'] },
    ]);
  });

  it('detects ; (Serbian Excel) and , and honours a sep= line', () => {
    expect(detectSeparator('Code;Title\n1;"a, b"')).toBe(';');
    expect(detectSeparator('Code,Title\n1,"a; b"')).toBe(',');
    expect(parseCsv('sep=,\nA,B\n1,2')).toEqual([
      { row: 2, cells: ['A', 'B'] },
      { row: 3, cells: ['1', '2'] },
    ]);
  });

  it('drops a BOM, accepts lone CR and LF line ends and no final newline', () => {
    expect(parseCsv('\uFEFFx;y\ry;z\nq;w').map((r) => r.cells)).toEqual([
      ['x', 'y'],
      ['y', 'z'],
      ['q', 'w'],
    ]);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseCsv('a;b\n"open;c\nd')).toThrow(/line 2/);
  });

  it('refuses text that is not UTF-8 with advice', () => {
    expect(() => decodeUtf8(new Uint8Array([0x8a, 0x41]))).toThrow(ImportFileError);
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFČ;ž'))).toBe('Č;ž');
  });
});

describe('import table', () => {
  it('finds the heading below the marking banner, in English or Serbian, and skips blanks', () => {
    const table = readTable(
      parseCsv(
        'Marking: PUBLIC\nŠifra;Naziv (srpski);Progress %;Rok\n1.1;Prvi;50;2026-Q3\n;;;\n1.2;Drugi;;\nMarking: PUBLIC',
      ),
    );
    expect(table.columns).toEqual({ code: 0, titleSr: 1, dueOn: 3 });
    expect(table.ignoredHeadings).toEqual(['Progress %']);
    expect(table.rows).toEqual([
      { row: 3, values: { code: '1.1', titleSr: 'Prvi', dueOn: '2026-Q3' } },
      { row: 5, values: { code: '1.2', titleSr: 'Drugi', dueOn: '' } },
    ]);
  });

  it('keeps formula-looking text as text and takes off the apostrophe exports add', () => {
    expect(cellText('=SUM(A1)')).toBe('=SUM(A1)');
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'@cmd")).toBe('@cmd');
    expect(cellText("'quoted")).toBe("'quoted");
  });

  it('says what to do when there is no heading row', () => {
    expect(() => readTable(parseCsv('1;2;3\n4;5;6'))).toThrow(/heading row/);
  });

  it('refuses more rows than allowed', () => {
    expect(() => readTable(parseCsv('Code\n1\n2\n3'), 2)).toThrow(/more than 2 rows/);
  });
});

describe('cell values', () => {
  it('reads numbers with decimal comma or point', () => {
    expect(parseNumber('1.250,50')).toBe(1250.5);
    expect(parseNumber('1,250.50')).toBe(1250.5);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('1 000')).toBe(1000);
    expect(parseNumber('heavy')).toBeNaN();
    expect(parseNumber('12abc')).toBeNaN();
  });

  it('reads statuses by code, English or Serbian name in either script', () => {
    expect(parseStatus('ongoing')).toBe('ongoing');
    expect(parseStatus('Partially implemented')).toBe('partially_implemented');
    expect(parseStatus('Delimično realizovano')).toBe('partially_implemented');
    expect(parseStatus('Делимично реализовано')).toBe('partially_implemented');
    expect(parseStatus('Finished')).toBeUndefined();
  });

  it('reads dates and due dates as people write them', () => {
    expect(normaliseDate('15.03.2026.')).toBe('2026-03-15');
    expect(normaliseDate('3.2026')).toBe('2026-03');
    expect(normaliseDate('2026-03')).toBe('2026-03');
    expect(normaliseDate('46096')).toBe('2026-03-15');
    expect(normaliseDue('Q3 2026')).toBe('2026-Q3');
    expect(normaliseDue('III kvartal 2026')).toBe('2026-Q3');
    expect(normaliseDue('Kontinuirano')).toBe('continuous');
    expect(normaliseDue('not a date')).toBe('not a date');
  });
});
