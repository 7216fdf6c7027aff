/**
 * @rectify/documents brings docx, exceljs and mammoth: ~35 MB of memory and over a second of
 * start-up that most processes never use between two exports. It is loaded on the first import,
 * export or report, not at start (idle RSS target: issue 7).
 */
export const loadDocuments = () => import('@rectify/documents');

/** The ledger's writers alone (exceljs, not docx, mammoth or unpdf): the first export after start waits ~150 ms less. */
export const loadLedgerExport = () => import('@rectify/documents/ledger-export');
