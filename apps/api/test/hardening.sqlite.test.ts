import { hardeningSuite } from './hardening.suite.js';
import { sqliteDatabase } from './harness.js';

hardeningSuite('SQLite', async () => sqliteDatabase());
