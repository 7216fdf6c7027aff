import { revisionSuite } from './revision.suite.js';
import { sqliteDatabase } from './harness.js';

revisionSuite('SQLite', async () => sqliteDatabase());
