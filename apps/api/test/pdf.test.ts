import { describe, expect, it } from 'vitest';
import { buildReportModel, renderReportHtml } from '@rectify/documents';
import { chromiumPrinter } from '../src/lib/pdf.js';

const printer = chromiumPrinter();

describe.skipIf(!printer.available())('the report printed to PDF by headless chromium', () => {
  it('prints the printable page to an A4 PDF', async () => {
    const html = renderReportHtml({
      header: '城中区文化体育广电和旅游局',
      title: ['关于测试的通报'],
      paragraphs: [{ kind: 'heading1', text: '一、巡察整改工作开展情况' }, { kind: 'body', text: '列出47项具体整改措施。' }],
      signature: { unit: '城中区文化体育广电和旅游局', date: '2023年8月18日' },
    } as ReturnType<typeof buildReportModel>);
    const pdf = await printer.print(html);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  }, 60_000);
});
