import { publicSupervisionSuite } from './public-supervision.suite.js';
import { sqliteDatabase } from './harness.js';

publicSupervisionSuite('SQLite', async () => sqliteDatabase());
