import { apiSuite } from './api.suite.js';
import { sqliteDatabase } from './harness.js';

apiSuite('SQLite', async () => sqliteDatabase());
