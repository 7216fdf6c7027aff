import { describe, it } from 'vitest';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';
import { revisionSuite } from './revision.suite.js';

if (await postgresAvailable()) {
  revisionSuite('PostgreSQL', () => postgresDatabase());
} else {
  console.warn(`PostgreSQL revision tests skipped: no server answers at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);
  describe.skip(`data revision on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
