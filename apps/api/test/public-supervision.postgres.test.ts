import { describe, it } from 'vitest';
import { publicSupervisionSuite } from './public-supervision.suite.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';

if (await postgresAvailable()) {
  publicSupervisionSuite('PostgreSQL', () => postgresDatabase());
} else {
  describe.skip(`public supervision on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
