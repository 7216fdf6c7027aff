import { describe, expect, it } from 'vitest';
import { warningNotice } from '../src/modules/notifications/service.js';
import type { WarningRecipient } from '../src/modules/notifications/repository.js';

const today = '2023-09-10';
const recipient = (fields: Partial<WarningRecipient>): WarningRecipient => ({
  measureId: 7, text: '定期巡检健身器材', due: '2023-09-15', checkInCadence: null, level: 'due_soon', userId: 3, via: 'department', ...fields,
});

/** The 三色预警 notice says what is due (a deadline, or a long-term measure's check-in), how far off, and what to do at each level. */
describe('三色预警 notices', () => {
  it('speaks of the deadline of a measure that has one', () => {
    expect(warningNotice(recipient({ level: 'due_soon' }), today)).toEqual({
      userId: 3, kind: 'warning', measureId: 7, title: '绿色预警：整改预警',
      text: '【绿色预警】整改措施「定期巡检健身器材」将于 2023-09-15 到期（还有 5 天），请抓紧推进。',
      dedupeKey: 'warning:due_soon:7:2023-09-15:3',
    });
    expect(warningNotice(recipient({ level: 'urgent' }), today)).toMatchObject({
      title: '黄色预警：整改预警',
      text: '【黄色预警】整改措施「定期巡检健身器材」将于 2023-09-15 到期（还有 5 天）或进度落后于序时进度，请加快推进。',
    });
    expect(warningNotice(recipient({ level: 'overdue', due: '2023-09-08' }), today)).toMatchObject({
      title: '红色预警：整改预警',
      text: '【红色预警】整改措施「定期巡检健身器材」的完成时限 2023-09-08 已过 2 天，请立即督促整改。',
      dedupeKey: 'warning:overdue:7:2023-09-08:3',
    });
  });

  it('speaks of the next check-in of a long-term measure (长期坚持), with its cadence', () => {
    expect(warningNotice(recipient({ checkInCadence: 'monthly', level: 'due_soon' }), today)).toMatchObject({
      title: '绿色预警：整改预警',
      text: '【绿色预警】长期坚持的整改措施「定期巡检健身器材」（每月报送）应于 2023-09-15 前报送进展（还有 5 天），请按时报送。',
    });
    expect(warningNotice(recipient({ checkInCadence: 'monthly', level: 'urgent' }), today).text).toBe(
      '【黄色预警】长期坚持的整改措施「定期巡检健身器材」（每月报送）应于 2023-09-15 前报送进展（还有 5 天），请按时报送。',
    );
    expect(warningNotice(recipient({ checkInCadence: 'quarterly', level: 'overdue', due: '2023-09-01' }), today)).toMatchObject({
      title: '红色预警：整改预警',
      text: '【红色预警】长期坚持的整改措施「定期巡检健身器材」（每季度报送）应于 2023-09-01 前报送进展，已逾期 9 天未报送，请立即督促报送。',
      dedupeKey: 'warning:overdue:7:2023-09-01:3',
    });
  });

  it('shortens a long measure text to 40 characters', () => {
    const long = '一'.repeat(45);
    expect(warningNotice(recipient({ text: long }), today).text).toContain(`「${'一'.repeat(40)}…」`);
  });
});
