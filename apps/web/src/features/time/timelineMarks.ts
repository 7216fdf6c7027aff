import type { Timeline } from '@rectify/domain';
import type { TFunction } from '../../i18n';

export interface TimelineMark {
  date: string;
  color: string;
  label: string;
  today: boolean;
}

/** The dated lines the timeline and the burn-up both draw: today, the feedback date, the rectification deadline. */
export function timelineMarks(data: Pick<Timeline, 'today' | 'feedbackDate' | 'rectificationDeadline'>, t: TFunction): TimelineMark[] {
  return [
    { date: data.today, color: '#1f3a93', label: t('timeline.today'), today: true },
    ...(data.feedbackDate ? [{ date: data.feedbackDate, color: '#8c8c8c', label: t('timeline.feedback'), today: false }] : []),
    ...(data.rectificationDeadline ? [{ date: data.rectificationDeadline, color: '#a8071a', label: t('timeline.deadline'), today: false }] : []),
  ];
}
