import { everydaySuite } from './everyday.suite.js';
import { sqliteDatabase } from './harness.js';

everydaySuite('SQLite', async () => sqliteDatabase());
