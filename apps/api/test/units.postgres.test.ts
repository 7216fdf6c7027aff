import { describe, it } from 'vitest';
import { unitsSuite } from './units.suite.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';

if (await postgresAvailable()) {
  unitsSuite('PostgreSQL', () => postgresDatabase());
} else {
  describe.skip(`units and isolation on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
