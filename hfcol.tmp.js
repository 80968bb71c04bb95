const { HyperFormula } = require('hyperformula');
const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', maxRows: 1048576 });
hf.addSheet('S');
hf.addSheet('T');
const s = hf.getSheetId('S'),
  t = hf.getSheetId('T');
const rows = [];
for (let i = 0; i < 2000; i++) rows.push(['r' + (i % 1000), 'y' + (i % 2), i]);
hf.setSheetContent(s, [['Ref', 'Year', 'Amt'], ...rows]);
let t0 = Date.now();
const f = [];
for (let i = 0; i < 2000; i++)
  f.push([`=SUMIFS(S!$C$2:$C$1048576,S!$A$2:$A$1048576,"r${i % 1000}",S!$B$2:$B$1048576,"y${i % 2}")`]);
hf.setSheetContent(t, f);
console.log(
  Date.now() - t0,
  hf.getCellValue({ sheet: t, row: 5, col: 0 }),
  hf.getCellValue({ sheet: t, row: 5, col: 1 }),
);
