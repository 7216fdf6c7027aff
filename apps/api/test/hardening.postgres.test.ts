import { describe, it } from 'vitest';
import { hardeningSuite } from './hardening.suite.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';

if (await postgresAvailable()) {
  hardeningSuite('PostgreSQL', () => postgresDatabase());
} else {
  describe.skip(`hostile input on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
