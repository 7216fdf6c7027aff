import { sqliteDatabase } from './harness.js';
import { followUpSuite } from './follow-up.suite.js';

followUpSuite('SQLite', async () => sqliteDatabase());
