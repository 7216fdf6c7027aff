import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrate, type Database } from '@rectify/db';
import { ensureFirstAdmin } from '../src/modules/auth/first-admin.js';
import { fixedClock } from '../src/lib/clock.js';
import { sqliteDatabase, testHasher, type TestDatabase } from './harness.js';

describe('the first administrator of a new installation', () => {
  let file: TestDatabase;
  let database: Database;
  const clock = fixedClock('2023-08-18');
  beforeAll(async () => {
    file = sqliteDatabase();
    database = await createDb(file.url);
    await migrate(database.target);
  });
  afterAll(async () => {
    await database.close();
    await file.drop();
  });

  it('is created from RECTIFY_ADMIN_PASSWORD only when there is no account, and can sign in', async () => {
    expect(await ensureFirstAdmin(database.db, testHasher, {}, clock)).toEqual({ skipped: 'no-password' });
    expect(await ensureFirstAdmin(database.db, testHasher, { RECTIFY_ADMIN_PASSWORD: 'short' }, clock)).toEqual({ skipped: 'weak-password' });
    expect(await database.db.user.count()).toBe(0);

    const env = { RECTIFY_ADMIN_USERNAME: 'zhangsan', RECTIFY_ADMIN_PASSWORD: 'a-long-secret' };
    expect(await ensureFirstAdmin(database.db, testHasher, env, clock)).toEqual({ created: 'zhangsan' });
    const user = await database.db.user.findUniqueOrThrow({ where: { username: 'zhangsan' } });
    expect(user.role).toBe('admin');
    expect(await testHasher.verify('a-long-secret', user.passwordHash)).toBe(true);
    // The start-up step writes as the system, dated by the clock it was given (not the database's now()).
    const created = await database.db.auditLog.findMany({ where: { entity: 'user', entityId: user.id, action: 'create' } });
    expect(created).toMatchObject([{ actorUserId: null, actorName: 'system' }]);
    expect(created[0]!.at.toISOString()).toBe('2023-08-18T04:00:00.000Z');

    expect(await ensureFirstAdmin(database.db, testHasher, { RECTIFY_ADMIN_PASSWORD: 'another-secret' }, clock)).toEqual({ skipped: 'has-accounts' });
    expect(await database.db.user.count()).toBe(1);
  });
});
