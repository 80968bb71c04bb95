import type ExcelJS from 'exceljs';
import { INPUT_LOOK, type CellStyle } from '../../workbook/sheetPlan';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** The look of each cell role, shared by every sheet the file adapter writes. */
export const CELL_STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14, color: { argb: 'FF1F4E79' } } },
  subtitle: { font: { bold: true, size: 12 } },
  header: {
    font: { bold: true, color: { argb: 'FFFFFFFF' } },
    fill: fill('FF1F4E79'),
    alignment: { wrapText: true, vertical: 'middle' },
  },
  group: { font: { bold: true }, fill: fill('FFDDEBF7') },
  total: { font: { bold: true }, border: { top: { style: 'thin' }, bottom: { style: 'double' } } },
  input: { fill: fill(`FF${INPUT_LOOK.fill}`), font: { color: { argb: `FF${INPUT_LOOK.font}` } } },
  note: { font: { italic: true, color: { argb: 'FF595959' } } },
  warning: { font: { bold: true, color: { argb: 'FF9C0006' } }, fill: fill('FFFFC7CE') },
  computed: {},
};
