/** The part of the Office.js `Excel` namespace the adapter uses; tests inject Microsoft's client loaded in a vm. */
export type ExcelApi = Pick<typeof Excel, 'run'>;
