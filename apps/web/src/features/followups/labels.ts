import type { FollowUpState } from '@rectify/domain';

export const FOLLOW_UP_STATE_COLOR: Record<FollowUpState, string> = { scheduled: 'blue', due: 'orange', overdue: 'red', done: 'green' };
