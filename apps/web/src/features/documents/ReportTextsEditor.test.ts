import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { reportTextsPatch } from './ReportTextsEditor';

const read = { roundId: 1, opening: '开头', nextSteps: null, contact: '电话2612350', reportDate: '2023-08-18', version: 3 };

describe('reportTextsPatch', () => {
  it('sends the version read and only what changed, blanks as null', () => {
    expect(reportTextsPatch(read, { opening: '开头', nextSteps: '', contact: '电话2612350', reportDate: dayjs('2023-08-18') })).toEqual({ version: 3 });
    expect(
      reportTextsPatch(read, { opening: ' 新的开头 ', nextSteps: '（一）下一步', contact: '  ', reportDate: null }),
    ).toEqual({ version: 3, opening: '新的开头', nextSteps: '（一）下一步', contact: null, reportDate: null });
    expect(reportTextsPatch(read, { opening: '开头', nextSteps: '', contact: '电话2612350', reportDate: dayjs('2023-09-01') })).toEqual({
      version: 3,
      reportDate: '2023-09-01',
    });
  });
});
