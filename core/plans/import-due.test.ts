import { describe, expect, it } from 'vitest';
import { readDue } from './import-due.js';

describe('due dates as ministries write them', () => {
  it('reads a bare year as its end (the last quarter) and says so', () => {
    expect(readDue('2016')).toEqual({
      value: '2016-Q4',
      reading: 'year',
      note: '"2016" read as the end of 2016 (Q4 2016)',
    });
    expect(readDue('2016. године').value).toBe('2016-Q4');
  });

  it('reads a Roman-numbered quarter in Cyrillic and in Latin', () => {
    expect(readDue('IV квартал 2016. године')).toMatchObject({
      value: '2016-Q4',
      reading: 'quarter',
    });
    expect(readDue('III kvartal 2017.')).toMatchObject({ value: '2017-Q3', reading: 'quarter' });
    expect(readDue('у II кварталу 2016.')).toMatchObject({ value: '2016-Q2' });
    expect(readDue('четврти квартал 2016')).toMatchObject({ value: '2016-Q4' });
    expect(readDue('Q1 2027')).toMatchObject({ value: '2027-Q1' });
  });

  it('reads a range of quarters as the later quarter and says it took the later one', () => {
    const read = readDue('I–II квартал 2016.');
    expect(read).toMatchObject({ value: '2016-Q2', reading: 'quarter_range' });
    expect(read.note).toMatch(/later quarter/);
    expect(readDue('I и II квартал 2016.').value).toBe('2016-Q2');
    expect(readDue('III-IV kvartal 2016').value).toBe('2016-Q4');
  });

  it('reads "during 2016" in both scripts as the year', () => {
    expect(readDue('током 2016.')).toMatchObject({ value: '2016-Q4', reading: 'year' });
    expect(readDue('tokom 2016. godine')).toMatchObject({ value: '2016-Q4', reading: 'year' });
    expect(readDue('до краја 2016.')).toMatchObject({ value: '2016-Q4', reading: 'year' });
  });

  it('reads "by the end of the year" as the plan\'s year, and leaves it when the plan has none', () => {
    expect(readDue('до краја године', 2016)).toMatchObject({
      value: '2016-Q4',
      reading: 'plan_year',
      note: '"до краја године" read as the end of the plan\'s year, Q4 2016',
    });
    expect(readDue('do kraja godine', 2019).value).toBe('2019-Q4');
    expect(readDue('до краја године', null)).toMatchObject({
      value: 'до краја године',
      note: null,
    });
  });

  it('reads half-years, months and continuous work', () => {
    expect(readDue('прво полугодиште 2017.')).toMatchObject({
      value: '2017-Q2',
      reading: 'half_year',
    });
    expect(readDue('II polugodište 2017')).toMatchObject({ value: '2017-Q4' });
    expect(readDue('децембар 2016.')).toMatchObject({ value: '2016-12', reading: 'month' });
    expect(readDue('до краја јуна 2016.')).toMatchObject({ value: '2016-06' });
    expect(readDue('Континуирано')).toMatchObject({ value: 'continuous', reading: 'continuous' });
  });

  it('keeps a due date already written as stored, without a note, and days as days', () => {
    expect(readDue('2016-Q3')).toEqual({ value: '2016-Q3', reading: 'as_written', note: null });
    expect(readDue('15.03.2026.')).toMatchObject({ value: '2026-03-15', reading: 'date' });
    expect(readDue('whenever')).toEqual({ value: 'whenever', reading: 'as_written', note: null });
  });
});
