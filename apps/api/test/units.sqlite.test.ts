import { unitsSuite } from './units.suite.js';
import { sqliteDatabase } from './harness.js';

unitsSuite('SQLite', async () => sqliteDatabase());
