import { describe, it } from 'vitest';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';
import { schedulingSuite } from './scheduling.suite.js';

if (await postgresAvailable()) {
  schedulingSuite('PostgreSQL', () => postgresDatabase());
} else {
  console.warn(`PostgreSQL scheduling tests skipped: no server answers at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);
  describe.skip(`scheduled jobs on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
