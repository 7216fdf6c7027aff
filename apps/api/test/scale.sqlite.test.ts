import { sqliteDatabase } from './harness.js';
import { scaleSuite } from './scale.suite.js';

scaleSuite('SQLite', async () => sqliteDatabase());
