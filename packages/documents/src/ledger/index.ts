export * from './columns.js';
export * from './export.js';
export * from './import.js';
export { parseDateText, excelSerialToIso, jsDateToIso, type DateToken, type ParsedDateCell } from './dates.js';
