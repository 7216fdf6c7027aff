import { describe, expect, it } from 'vitest';
import { accessOf, ACCESS_LEVELS, answersFor, can, editableMeasureFields, forbiddenMeasureFields, leads, mayAttempt, mayRecordFollowUp, MEASURE_BULK_FIELDS, MEASURE_FIELDS, measureAccess, MeasureBulkUpdate, MeasureUpdate, ROLES, type Access, type Role } from '../src/index.js';

const leaderActor = { personId: 7, departmentId: null };
const officerActor = { personId: 9, departmentId: 3 };
const ledByLeader = { leaderId: 7, leadDepartmentId: 5 };
const inOfficersDepartment = { leaderId: 1, leadDepartmentId: 3 };
const foreign = { leaderId: 1, leadDepartmentId: 4 };

describe('policy', () => {
  it('gives each role its route-level rights (the matrix of the product brief)', () => {
    const table: Record<Role, Access[]> = {
      admin: [...ACCESS_LEVELS],
      supervisor: ['public', 'authenticated', 'read', 'export', 'report.review', 'programme.read', 'opinions.read'],
      office: ['public', 'authenticated', 'read', 'export', 'hierarchy.write', 'measure.update', 'measure.progress', 'closure.decide', 'measure.reopen', 'audit.read', 'postponement.request', 'postponement.decide', 'supervision.issue', 'followup.schedule', 'followup.record', 'followup.manage', 'report.submit', 'opinions.read', 'opinions.manage'],
      leader: ['public', 'authenticated', 'read', 'export', 'measure.update', 'measure.progress', 'closure.decide', 'postponement.request', 'followup.record'],
      officer: ['public', 'authenticated', 'read', 'export', 'measure.update', 'measure.progress', 'postponement.request', 'followup.record'],
      inspector: ['public', 'authenticated', 'read', 'export'],
    };
    for (const role of ROLES) expect(accessOf(role), role).toEqual(table[role]);
  });

  it('fails closed: no role, no declaration, an unknown role', () => {
    expect(mayAttempt(null, 'read')).toBe(false);
    expect(mayAttempt(null, 'public')).toBe(true);
    expect(mayAttempt('admin', undefined)).toBe(false);
    expect(mayAttempt('nobody' as Role, 'read')).toBe(false);
    expect(can('leader', 'measure.progress')).toBe(false); // no measure given
    expect(can('officer', 'measure.update', { actor: officerActor })).toBe(false);
  });

  it('knows who answers for a measure: its leader, or a member of its lead department', () => {
    expect(leads(leaderActor, ledByLeader)).toBe(true);
    expect(leads(officerActor, inOfficersDepartment)).toBe(false);
    expect(answersFor(officerActor, inOfficersDepartment)).toBe(true);
    expect(answersFor(officerActor, foreign)).toBe(false);
    expect(answersFor({ personId: null, departmentId: null }, { leaderId: null, leadDepartmentId: null })).toBe(false);
  });

  it('lets officers and leaders work on their own measures only', () => {
    expect(can('officer', 'measure.progress', { actor: officerActor, measure: inOfficersDepartment })).toBe(true);
    expect(can('officer', 'measure.progress', { actor: officerActor, measure: foreign })).toBe(false);
    expect(can('leader', 'measure.progress', { actor: leaderActor, measure: ledByLeader })).toBe(true);
    // A leader's rights follow leadership, not the department.
    expect(can('leader', 'measure.progress', { actor: { personId: 7, departmentId: 4 }, measure: foreign })).toBe(false);
    expect(can('leader', 'closure.decide', { actor: leaderActor, measure: ledByLeader })).toBe(true);
    expect(can('leader', 'closure.decide', { actor: leaderActor, measure: foreign })).toBe(false);
    expect(can('officer', 'closure.decide', { actor: officerActor, measure: inOfficersDepartment })).toBe(false);
    expect(can('office', 'closure.decide', { measure: foreign })).toBe(true);
    expect(can('inspector', 'measure.progress', { actor: officerActor, measure: inOfficersDepartment })).toBe(false);
    expect(can('leader', 'measure.reopen', { actor: leaderActor, measure: ledByLeader })).toBe(false);
  });

  it('lists the fields of the update and bulk schemas, no more and no fewer', () => {
    expect([...MEASURE_FIELDS].sort()).toEqual(Object.keys(MeasureUpdate.properties).filter((f) => f !== 'version').sort());
    expect(editableMeasureFields('admin')).toEqual(MEASURE_FIELDS);
    expect([...MEASURE_BULK_FIELDS].sort()).toEqual(Object.keys(MeasureBulkUpdate.properties.set.properties).sort());
  });

  it('limits the fields a PATCH may change by role', () => {
    expect(editableMeasureFields('officer')).toEqual(['progress', 'outcome']);
    expect(editableMeasureFields('leader')).not.toContain('status');
    expect(editableMeasureFields('inspector')).toEqual([]);
    const ctx = { actor: officerActor, measure: inOfficersDepartment };
    expect(can('officer', 'measure.update', { ...ctx, fields: ['version', 'progress', 'outcome'] })).toBe(true);
    expect(can('officer', 'measure.update', { ...ctx, fields: ['version', 'deadline'] })).toBe(false);
    expect(can('leader', 'measure.update', { actor: leaderActor, measure: ledByLeader, fields: ['startDate', 'leadDepartmentId'] })).toBe(true);
    // A deadline moves through 延期 (asked for, approved by the office), never typed over by a leader.
    expect(can('leader', 'measure.update', { actor: leaderActor, measure: ledByLeader, fields: ['deadline'] })).toBe(false);
    expect(can('leader', 'postponement.request', { actor: leaderActor, measure: ledByLeader })).toBe(true);
    expect(can('leader', 'postponement.request', { actor: leaderActor, measure: foreign })).toBe(false);
    expect(can('officer', 'postponement.request', ctx)).toBe(true);
    expect(can('officer', 'postponement.decide', ctx)).toBe(false);
    expect(can('leader', 'postponement.decide', { actor: leaderActor, measure: ledByLeader })).toBe(false);
    expect(can('office', 'postponement.decide')).toBe(true);
    expect(can('leader', 'measure.update', { actor: leaderActor, measure: ledByLeader, fields: ['status'] })).toBe(false);
    expect(can('office', 'measure.update', { fields: ['status', 'completedDate'] })).toBe(true);
    expect(forbiddenMeasureFields('officer', ['version', 'progress', 'deadline', 'status'])).toEqual(['deadline', 'status']);
  });

  it('lets the office, and a review’s own reviewer, record a 回头看', () => {
    const review = { reviewerId: 9 };
    expect(mayRecordFollowUp({ role: 'office', personId: null }, review)).toBe(true);
    expect(mayRecordFollowUp({ role: 'admin', personId: null }, review)).toBe(true);
    expect(mayRecordFollowUp({ role: 'officer', personId: 9 }, review)).toBe(true);
    expect(mayRecordFollowUp({ role: 'leader', personId: 7 }, review)).toBe(false);
    expect(mayRecordFollowUp({ role: 'leader', personId: null }, { reviewerId: null })).toBe(false);
    // Reading roles never record, even when named.
    expect(mayRecordFollowUp({ role: 'inspector', personId: 9 }, review)).toBe(false);
    expect(mayRecordFollowUp({ role: 'supervisor', personId: 9 }, review)).toBe(false);
    expect(mayAttempt('leader', 'followup.schedule')).toBe(false);
  });

  it('tells the measure page which buttons to show', () => {
    expect(measureAccess({ role: 'officer', ...officerActor }, inOfficersDepartment)).toEqual({ update: true, progress: true, decideClosure: false, reopen: false, requestPostponement: true, decidePostponement: false });
    expect(measureAccess({ role: 'office', personId: null, departmentId: null }, foreign)).toEqual({ update: true, progress: true, decideClosure: true, reopen: true, requestPostponement: true, decidePostponement: true });
    expect(measureAccess({ role: 'inspector', personId: null, departmentId: null }, foreign)).toEqual({ update: false, progress: false, decideClosure: false, reopen: false, requestPostponement: false, decidePostponement: false });
  });
});
