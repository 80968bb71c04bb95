import { INPUT_LOOK, type CellStyle } from '../../workbook/sheetPlan';

/**
 * How each cell role looks in Excel. The same colours as the file adapter's CELL_STYLES
 * (src/adapters/file/styles.ts), kept apart because that one is in ExcelJS terms.
 */
export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly vertical?: 'Center';
  readonly borderTop?: 'Continuous';
  readonly borderBottom?: 'Double';
}

export const CELL_LOOKS: Record<CellStyle, CellLook> = {
  title: { bold: true, size: 14, color: '#1F4E79' },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, color: '#FFFFFF', fill: '#1F4E79', wrap: true, vertical: 'Center' },
  group: { bold: true, fill: '#DDEBF7' },
  total: { bold: true, borderTop: 'Continuous', borderBottom: 'Double' },
  input: { fill: `#${INPUT_LOOK.fill}`, color: `#${INPUT_LOOK.font}` },
  note: { italic: true, color: '#595959' },
  warning: { bold: true, color: '#9C0006', fill: '#FFC7CE' },
  computed: {},
};
