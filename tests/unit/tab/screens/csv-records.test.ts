import { csvRecords, withoutLines } from '../../../../tab/src/screens/programmes/csv-records';

describe('CSV records for a partial import', () => {
  it('numbers records by their first line, a quoted line break staying in its record', () => {
    const text = 'email,name\na@x.example,"Ann\nSmith"\nb@x.example,Bob\n';
    expect(csvRecords(text).map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('drops the records starting on the given lines and keeps the header and the rest as written', () => {
    const text = 'email;name\r\na@x.example;Ann\r\nbad;Bad\r\nc@x.example;"C ""the third"""\r\n';
    expect(withoutLines(text, new Set([3]))).toBe(
      'email;name\r\na@x.example;Ann\r\nc@x.example;"C ""the third"""\r\n',
    );
    expect(withoutLines(text, new Set([1]))).toBe(text);
  });

  it('keeps a last record without a final line break', () => {
    expect(withoutLines('email\na@x.example\nb@x.example', new Set([2]))).toBe(
      'email\nb@x.example',
    );
  });
});
