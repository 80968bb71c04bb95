import type { SheetSnapshot } from './snapshot';

/**
 * A fingerprint of what a write compares on a sheet (diffSteps in write/writePlan.ts): each cell's
 * formula, or its value where it has none; a formula's value, which Excel works out, is left out.
 * So a sheet as Excel gives it back and the same sheet as the add-in planned it have the same
 * fingerprint, and two sheets with the same fingerprint need the same writes (two 32-bit FNV-1a
 * hashes of different seeds: a chance of about 2^-64 that different sheets share one).
 */
export function sheetFingerprint(sheet: SheetSnapshot): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
    }
  };
  const mix = (code: number) => {
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  };
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const formulas = sheet.formulas?.[r];
    for (let c = 0; c < row.length; c++) {
      const formula = formulas?.[c] ?? null;
      const value = row[c];
      if (formula === null && (value === null || value === '')) continue;
      // Where the cell is, then what kind of entry, then the entry: no two cells' pieces run together.
      mix(r + 1);
      mix(c + 1);
      if (formula !== null) {
        mix(0x3d);
        add(formula);
      } else {
        mix(typeof value === 'number' ? 0x6e : typeof value === 'boolean' ? 0x62 : 0x73);
        add(String(value));
      }
      mix(0x3b);
    }
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
