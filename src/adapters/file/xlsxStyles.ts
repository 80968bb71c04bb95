import type ExcelJS from 'exceljs';
import type { CellPlan } from '../../workbook/sheetPlan';
import { CELL_STYLES } from './styles';
import { escapeXml, XML_DECLARATION } from './xmlWrite';

/** Excel's built-in number formats by code: written as their id, as Excel itself writes them. */
const BUILT_IN: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;
const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const NO_FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
];
const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';

/**
 * The cell styles of one workbook, each an index into styles.xml's cellXfs, made as cells ask for
 * them (a role and a number format), with their fonts, fills, borders and formats listed once.
 */
export class StyleSheet {
  private readonly ids = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts = new Table(DEFAULT_FONT);
  private readonly fills = new Table(...NO_FILLS);
  private readonly borders = new Table(NO_BORDER);
  private readonly formats = new Map<string, number>();

  /** The style index of a cell with this role and format; 0 (no attribute) for a plain cell. */
  of(format: string | undefined, role: CellPlan['style']): number {
    if (!format && !role) return 0;
    const key = `${role ?? ''}|${format ?? ''}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.xfs.length));
      this.xfs.push(this.xf(format, role ? CELL_STYLES[role] : {}));
    }
    return id;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_DECLARATION +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }

  private xf(format: string | undefined, style: Partial<ExcelJS.Style>): string {
    const numFmt = format ? this.formatId(format) : 0;
    const font = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fill = style.fill ? this.fills.id(fillXml(style.fill)) : 0;
    const border = style.border ? this.borders.id(borderXml(style.border)) : 0;
    const alignment = style.alignment ? alignmentXml(style.alignment) : '';
    const applied = [
      numFmt ? ' applyNumberFormat="1"' : '',
      font ? ' applyFont="1"' : '',
      fill ? ' applyFill="1"' : '',
      border ? ' applyBorder="1"' : '',
      alignment ? ' applyAlignment="1"' : '',
    ].join('');
    const open = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}`;
    return alignment ? `${open}>${alignment}</xf>` : `${open}/>`;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = FIRST_CUSTOM_FORMAT + this.formats.size));
    return id;
  }
}

/** Distinct XML elements, each with its index; the first ones are Excel's required defaults. */
class Table {
  private readonly items: string[];
  private readonly index = new Map<string, number>();

  constructor(...defaults: string[]) {
    this.items = [...defaults];
    defaults.forEach((item, i) => this.index.set(item, i));
  }

  id(item: string): number {
    let id = this.index.get(item);
    if (id === undefined) {
      this.index.set(item, (id = this.items.length));
      this.items.push(item);
    }
    return id;
  }

  xml(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join('')}</${tag}>`;
  }
}

function color(c: Partial<ExcelJS.Color> | undefined): string {
  return c?.argb ? `<color rgb="${c.argb}"/>` : '';
}

function fontXml(font: Partial<ExcelJS.Font>): string {
  // Element order is the schema's: b, i, ..., color, sz, name.
  return `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}${color(font.color)}${font.size ? `<sz val="${font.size}"/>` : ''}</font>`;
}

function fillXml(fill: ExcelJS.Fill): string {
  if (fill.type !== 'pattern') throw new Error('only pattern fills are written');
  const fg = fill.fgColor?.argb ? `<fgColor rgb="${fill.fgColor.argb}"/>` : '';
  return `<fill><patternFill patternType="${fill.pattern}">${fg}</patternFill></fill>`;
}

function borderXml(border: Partial<ExcelJS.Borders>): string {
  const side = (tag: 'left' | 'right' | 'top' | 'bottom') => {
    const b = border[tag];
    return b?.style ? `<${tag} style="${b.style}">${color(b.color)}</${tag}>` : `<${tag}/>`;
  };
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

function alignmentXml(a: Partial<ExcelJS.Alignment>): string {
  const attributes = [
    a.horizontal ? ` horizontal="${a.horizontal}"` : '',
    a.vertical ? ` vertical="${a.vertical}"` : '',
    a.wrapText ? ' wrapText="1"' : '',
  ].join('');
  return attributes ? `<alignment${attributes}/>` : '';
}
