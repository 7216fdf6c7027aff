import { describe, it } from 'vitest';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';
import { scaleSuite } from './scale.suite.js';

if (await postgresAvailable()) {
  scaleSuite('PostgreSQL', () => postgresDatabase());
} else {
  console.warn(`PostgreSQL scale tests skipped: no server answers at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);
  describe.skip(`many rounds on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
