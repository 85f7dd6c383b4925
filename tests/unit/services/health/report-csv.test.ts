import { csvCell } from '../../../../src/services/health/report-csv';

describe('a bilan CSV cell', () => {
  it('neutralises what a spreadsheet would run as a formula', () => {
    for (const value of ['=SUM(A1)', '+33 6', '-2', '@cmd', '\tx', '\rx']) {
      expect(csvCell(value, ';').replace(/^"|"$/g, '').startsWith(`'`), value).toBe(true);
    }
    expect(csvCell('Power BI', ';')).toBe('Power BI');
  });

  it('quotes a cell holding the separator, a quote or a line end, doubling quotes', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
  });
});
