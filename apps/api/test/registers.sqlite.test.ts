import { registersSuite } from './registers.suite.js';
import { sqliteDatabase } from './harness.js';

registersSuite('SQLite', async () => sqliteDatabase());
