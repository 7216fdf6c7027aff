import { describe, it } from 'vitest';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';
import { timeSuite } from './time.suite.js';

if (await postgresAvailable()) {
  timeSuite('PostgreSQL', () => postgresDatabase());
} else {
  console.warn(`PostgreSQL time tests skipped: no server answers at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);
  describe.skip(`time on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
