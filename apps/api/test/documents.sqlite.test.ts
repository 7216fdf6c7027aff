import { documentsSuite } from './documents.suite.js';
import { sqliteDatabase } from './harness.js';

documentsSuite('SQLite', async () => sqliteDatabase());
