// A cell of the claims export can never run as a spreadsheet formula (OWASP CSV injection), nor
// break the row it is in.
import { csvCell } from '../../src/modules/accidents/use-cases/export-claims';

describe('claims CSV cells', () => {
  it.each([['=1+1'], ['+86 138'], ['-2'], ['@SUM(A1)'], ['\t=1+1'], ['\r=1+1']])('keep %j from being read as a formula', (value) => {
    const cell = csvCell(value);
    // Quoted or not, the cell's text starts with the apostrophe a spreadsheet shows as text.
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes cells holding a comma, a quote, a line feed or a carriage return', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('平安保险')).toBe('平安保险');
    expect(csvCell(null)).toBe('');
  });
});
