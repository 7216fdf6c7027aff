import { describe, it } from 'vitest';
import { documentsSuite } from './documents.suite.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase } from './harness.js';

if (await postgresAvailable()) {
  documentsSuite('PostgreSQL', () => postgresDatabase());
} else {
  describe.skip(`documents on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
