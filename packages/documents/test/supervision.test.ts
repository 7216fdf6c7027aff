import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { renderSupervisionNoticeDocx, supervisionNoticeModel, type SupervisionNoticeInput } from '../src/index.js';

const input: SupervisionNoticeInput = {
  issuer: '城中区文化体育广电和旅游局巡察整改工作领导小组办公室',
  code: '督办〔2023〕3号',
  addressee: '公共服务股',
  roundTitle: '区委第三轮巡察第一巡察组',
  issuedOn: '2023-08-18',
  replyBy: '2023-08-25',
  request: '请分管领导亲自过问。',
  items: [
    { text: '完善全民健身设施维护机制。', problem: '全民健身及文化服务存在不足', deadline: '2023-07-31', originalDeadline: null, level: 'overdue', progress: 60 },
    { text: '开展文物安全专项检查', problem: '安全生产监管不到位', deadline: '2023-08-28', originalDeadline: '2023-06-30', level: 'urgent', progress: 30 },
  ],
};

describe('督办函', () => {
  it('says what is due, by when, and what is asked', () => {
    const model = supervisionNoticeModel(input);
    expect(model.title).toBe('关于督促加快推进逾期整改事项的督办函');
    expect(model.salutation).toBe('公共服务股：');
    expect(model.paragraphs[0]).toContain('以下2项整改措施存在逾期未完成情况');
    expect(model.paragraphs[1]).toBe('1．完善全民健身设施维护机制（对应问题：全民健身及文化服务存在不足）。完成时限2023年7月31日，目前进度60%，已逾期18天。');
    expect(model.paragraphs[2]).toBe('2．开展文物安全专项检查（对应问题：安全生产监管不到位）。完成时限2023年8月28日（原定时限2023年6月30日，已延期），目前进度30%，距完成时限还有10天。');
    expect(model.paragraphs[3]).toMatch(/^请于2023年8月25日前.*请分管领导亲自过问。$/);
    expect(model.signature).toEqual({ unit: input.issuer, date: '2023年8月18日' });
    const leader = supervisionNoticeModel({ ...input, addressee: '韦某某同志', replyBy: null, items: [input.items[1]!] });
    expect(leader.title).toBe('关于督促按期完成整改事项的督办函');
    expect(leader.paragraphs[0]).toContain('由你牵头负责的以下1项');
    expect(leader.paragraphs[2]).toMatch(/^请在收到本函后5个工作日内/);
  });

  it('lays it out as an official document: A4, the number under the office, 小标宋 title, 仿宋 body', async () => {
    const bytes = await renderSupervisionNoticeDocx(input);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('督办〔2023〕3号');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('w:pgSz w:w="11906" w:h="16838"');
    expect(xml.indexOf(input.issuer)).toBeLessThan(xml.indexOf('督办〔2023〕3号'));
    expect(xml.indexOf('督办〔2023〕3号')).toBeLessThan(xml.indexOf('关于督促加快推进逾期整改事项的督办函'));
    expect(xml).toContain('2023年8月18日');
  });
});
