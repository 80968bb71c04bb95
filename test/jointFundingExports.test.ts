import { csvRows, importPackages } from '../src/domain/jointFundingImport';

// Exports as case-management systems (Mosaic, Liquidlogic LAS, ContrOCC) write them: the cases the
// import met in the field after the first round of fixes.

const HEADER = 'Client ID,Funding basis,ICB,Start date,Weekly cost,ICB %';
const csv = (...lines: string[]) => csvRows([HEADER, ...lines].join('\r\n'));

describe('a person reference that is a name written surname first', () => {
  test('"SMITH, Jane" is refused like "Jane Smith", and no name reaches the packages', () => {
    const { jointFunding, problems } = importPackages(
      csv(
        '"SMITH, Jane",s117,North ICB,01/04/2023,100,50',
        '"O\'Brien,Mary Ann",s117,North ICB,01/04/2023,100,50',
        'M-1001,s117,North ICB,01/04/2023,100,50',
      ),
    );
    expect(jointFunding.packages.map((p) => p.person)).toEqual(['M-1001']);
    expect(problems.map((p) => [p.row, p.field, p.severity])).toEqual([
      [2, 'person', 'error'],
      [3, 'person', 'error'],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/SMITH|Brien/);
  });
});
