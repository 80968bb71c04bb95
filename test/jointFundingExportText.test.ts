import { readExportFile } from '../src/taskpane/panels/joint/exportFile';

// The pane reads the export the user picks from the bytes, as the CLI does: Excel's "CSV (Comma
// delimited)" on English Windows writes Windows-1252 (its £ is one byte, 0xA3), and "Unicode text"
// writes UTF-16, neither of which is UTF-8.
const CSV = [
  'Client ID,Funding basis,ICB,Start date,Weekly cost,ICB %',
  'M-1001,s117,North ICB,01/04/2023,"£1,234.50",46',
  'M-1002,Care Act,North ICB,01/04/2023,£980.00,50',
].join('\r\n');

const file = (bytes: Buffer, name = 'export.csv') => Object.assign(new Blob([new Uint8Array(bytes)]), { name });

describe('the pane reading a CSV export', () => {
  const expected = [
    ['M-1001', '1234.50'],
    ['M-1002', '980.00'],
  ];
  const read = async (bytes: Buffer) => {
    const { jointFunding, problems } = await readExportFile(file(bytes));
    return { packages: jointFunding.packages.map((p) => [p.person, p.weeklyCost.toFixed(2)]), problems };
  };

  test.each([
    ['UTF-8', Buffer.from(CSV, 'utf8')],
    ['Windows-1252 (Excel "CSV (Comma delimited)")', Buffer.from(CSV, 'latin1')],
    ['UTF-16 with its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')])],
    ['UTF-16 without one', Buffer.from(CSV, 'utf16le')],
    ['UTF-16 big-endian', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CSV, 'utf16le').swap16()])],
  ])('%s: every package and its £ amount, as the CLI reads them', async (_, bytes) => {
    expect(await read(bytes)).toEqual({ packages: expected, problems: [] });
  });
});
