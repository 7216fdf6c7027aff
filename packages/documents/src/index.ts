export * from './text-import/index.js';
export * from './report/index.js';
export * from './ledger/index.js';
export * from './dashboard/html.js';
export * from './archive-guard.js';
export * from './notice/supervision.js';
export * from './programme/xlsx.js';
