import { describe, it } from 'vitest';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';
import { followUpSuite } from './follow-up.suite.js';

if (await postgresAvailable()) {
  followUpSuite('PostgreSQL', () => postgresDatabase());
} else {
  console.warn(`PostgreSQL 回头看 tests skipped: no server answers at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);
  describe.skip(`回头看 on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
