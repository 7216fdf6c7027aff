import { describe, it } from 'vitest';
import { registersSuite } from './registers.suite.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';

if (await postgresAvailable()) {
  registersSuite('PostgreSQL', () => postgresDatabase());
} else {
  describe.skip(`registers on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
