import { apiSuite } from './api.suite.js';
import { sqliteDatabase } from './harness.js';
import { migrationSuite } from './migration.suite.js';
import { rightsSuite } from './rights.suite.js';
import { workflowSuite } from './workflow.suite.js';

apiSuite('SQLite', async () => sqliteDatabase());
rightsSuite('SQLite', async () => sqliteDatabase());
workflowSuite('SQLite', async () => sqliteDatabase());
migrationSuite('SQLite', async () => sqliteDatabase());
