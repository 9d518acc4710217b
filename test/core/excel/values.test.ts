import { describe, expect, it } from 'vitest';
import { fromExcelSerial, parseDateText, parsePeriodText } from '../../../src/core/excel/values/dates';
import { parseDeadlineText } from '../../../src/core/excel/values/deadlines';
import { PROGRESS_STATE_WORDS, readWord, TASK_STATUS_WORDS } from '../../../src/core/excel/values/words';

describe('dates as people type them', () => {
  it.each([
    ['2024.6.30', '2024-06-30'],
    ['2024-06-30', '2024-06-30'],
    ['2024/6/3', '2024-06-03'],
    ['2024年6月30日', '2024-06-30'],
    ['2024年6月30号', '2024-06-30'],
    [' 2024 年 6 月 30 日 ', '2024-06-30'],
    ['２０２４年６月３０日', '2024-06-30'],
    ['2023年12月底前', '2023-12-31'],
    ['2024年2月底前', '2024-02-29'],
    ['2023年2月底', '2023-02-28'],
    ['2024年6月前', '2024-06-30'],
    ['2025年底前', '2025-12-31'],
    ['2025年年底', '2025-12-31'],
    ['2024-09', '2024-09-30'],
    ['20240630', '2024-06-30'],
  ])('reads %s as %s', (typed, date) => {
    expect(parseDateText(typed)).toBe(date);
  });

  it.each(['2024-02-30', '2023年13月底前', '2024.6.31', '明年', '', '6月30日', '2024-6-30-1'])('refuses %j', (typed) => {
    expect(parseDateText(typed)).toBeNull();
  });

  it('reads Excel serials of the 1900 date system', () => {
    expect(fromExcelSerial(45473)).toBe('2024-06-30');
    expect(fromExcelSerial(45473.99)).toBe('2024-06-30');
    expect(fromExcelSerial(61)).toBe('1900-03-01');
    expect(fromExcelSerial(0)).toBeNull();
    expect(fromExcelSerial(Number.NaN)).toBeNull();
  });

  it('reads reporting months', () => {
    expect(parsePeriodText('2026年11月')).toBe('2026-11');
    expect(parsePeriodText('2026-1')).toBe('2026-01');
    expect(parsePeriodText('202611')).toBe('2026-11');
    expect(parsePeriodText('2026年11月份')).toBe('2026-11');
    expect(parsePeriodText('2026-13')).toBeNull();
  });
});

describe('deadlines as a feedback list writes them', () => {
  it('reads the two words and dates', () => {
    expect(parseDeadlineText('立行立改')).toEqual({ deadline: { kind: 'immediate' } });
    expect(parseDeadlineText('长期坚持')).toEqual({ deadline: { kind: 'ongoing' } });
    expect(parseDeadlineText('2024年6月底前')).toEqual({ deadline: { kind: 'date', date: '2024-06-30' } });
    expect(parseDeadlineText('2024.6.30')).toEqual({ deadline: { kind: 'date', date: '2024-06-30' } });
  });

  it('reads "立行立改，长期坚持" as ongoing, and says so', () => {
    expect(parseDeadlineText('立行立改，长期坚持')).toEqual({ deadline: { kind: 'ongoing' }, note: 'immediate_and_ongoing' });
  });

  it('has no deadline for blank or unreadable text, nor for a word inside other words', () => {
    expect(parseDeadlineText('  ')).toBeNull();
    expect(parseDeadlineText('尽快')).toBeNull();
    expect(parseDeadlineText('2024年底前完成并长期坚持')).toBeNull();
    expect(parseDeadlineText('力争长期保持')).toBeNull();
  });
});

describe('words for a choice', () => {
  it('are read only whole, whatever their spacing and width', () => {
    expect(readWord(PROGRESS_STATE_WORDS, '已完成')).toBe('completed');
    expect(readWord(PROGRESS_STATE_WORDS, ' 序时 推进 ')).toBe('on_track');
    expect(readWord(TASK_STATUS_WORDS, '未启动')).toBe('pending');
  });

  it.each(['基本完成', '部分完成', '未完成', '完成了一半', '已完成？'])('leave %s to the user', (text) => {
    expect(readWord(PROGRESS_STATE_WORDS, text)).toBeNull();
  });
});
