import { sqliteDatabase } from './harness.js';
import { timeSuite } from './time.suite.js';

timeSuite('SQLite', async () => sqliteDatabase());
