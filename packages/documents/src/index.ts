export * from './text-import/index.js';
