import { describe, expect, it } from 'vitest';
import {
  dashboardFilterToLedger,
  documentsPath,
  hasFilters,
  ledgerFiltersFromSearch,
  ledgerUrl,
  reportUrl,
} from './exportLinks';
import { fileNameFromDisposition } from '../../api/transfer';

describe('export links', () => {
  it('carries the list filters into the ledger URLs', () => {
    expect(ledgerUrl(3, 'xlsx')).toBe('/api/rounds/3/ledger.xlsx');
    expect(ledgerUrl(3, 'csv', { categoryId: 2, status: ['closed', 'in_progress'], overdue: true, q: '健身' })).toBe(
      '/api/rounds/3/ledger.csv?categoryId=2&status=closed&status=in_progress&overdue=true&q=%E5%81%A5%E8%BA%AB',
    );
    expect(reportUrl(3, 'docx')).toBe('/api/rounds/3/report.docx');
    expect(documentsPath(3, dashboardFilterToLedger({ kind: 'leader', id: 9 }))).toBe('/rounds/3/documents?leaderId=9');
    expect(dashboardFilterToLedger(null)).toEqual({});
    expect(dashboardFilterToLedger({ kind: 'department', id: 4 })).toEqual({ departmentId: 4 });
  });

  it('reads filters back from a page URL and drops junk', () => {
    const params = new URLSearchParams('categoryId=2&leaderId=abc&departmentId=-1&status=closed&status=bogus&status=closed&overdue=yes&q=%20%20');
    expect(ledgerFiltersFromSearch(params)).toEqual({ categoryId: 2, status: ['closed'] });
    expect(ledgerFiltersFromSearch(new URLSearchParams('overdue=false&problemId=7'))).toEqual({ problemId: 7, overdue: false });
    expect(ledgerFiltersFromSearch(new URLSearchParams('warningLevel=urgent'))).toEqual({ warningLevel: 'urgent' });
    expect(ledgerFiltersFromSearch(new URLSearchParams('warningLevel=purple'))).toEqual({});
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ overdue: false })).toBe(true);
  });

  it('takes the Chinese file name from Content-Disposition', () => {
    const header =
      "attachment; filename=\"____.xlsx\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6.xlsx";
    expect(fileNameFromDisposition(header)).toBe('整改台账.xlsx');
    expect(fileNameFromDisposition('attachment; filename="report.docx"')).toBe('report.docx');
    expect(fileNameFromDisposition('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A; filename=\"x.pdf\"")).toBe('x.pdf');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
