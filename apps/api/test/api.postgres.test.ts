import { describe, it } from 'vitest';
import { apiSuite } from './api.suite.js';
import { migrationSuite } from './migration.suite.js';
import { rightsSuite } from './rights.suite.js';
import { workflowSuite } from './workflow.suite.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';

const available = await postgresAvailable();
if (available) {
  apiSuite('PostgreSQL', () => postgresDatabase());
  rightsSuite('PostgreSQL', () => postgresDatabase());
  workflowSuite('PostgreSQL', () => postgresDatabase());
  migrationSuite('PostgreSQL', () => postgresDatabase());
} else {
  console.warn(`PostgreSQL tests skipped: no server answers at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);
  describe.skip(`API on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
