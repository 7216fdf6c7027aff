import { describe, it } from 'vitest';
import { everydaySuite } from './everyday.suite.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';

if (await postgresAvailable()) {
  everydaySuite('PostgreSQL', () => postgresDatabase());
} else {
  describe.skip(`everyday use on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
