import { sqliteDatabase } from './harness.js';
import { schedulingSuite } from './scheduling.suite.js';

schedulingSuite('SQLite', async () => sqliteDatabase());
