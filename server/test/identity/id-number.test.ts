// GB 11643 check character and the ID number field.
import { idNumberCheckChar, idNumberProblem, normaliseIdNumber } from '@jiaoguan/contracts/id-number';

const valid = (first17: string) => first17 + idNumberCheckChar(first17);

describe('ID numbers', () => {
  it('accepts a number with the right check character', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull(); // the standard's own example
    expect(idNumberProblem(valid('37040219850312101'))).toBeNull();
  });

  it('rejects a wrong check character', () => {
    const good = valid('37040219850312101');
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(idNumberProblem(wrong)).toBe('CHECK_CHARACTER');
  });

  it('accepts a lower-case x once normalised', () => {
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(idNumberProblem(normaliseIdNumber('11010519491231002x'))).toBeNull();
  });

  it('rejects wrong lengths, letters and impossible birth dates', () => {
    expect(idNumberProblem('1101051949123100')).toBe('FORMAT');
    expect(idNumberProblem('11010519491231002A')).toBe('FORMAT');
    expect(idNumberProblem(valid('11010519490231002'))).toBe('BIRTH_DATE'); // 31 February
    expect(idNumberProblem(valid('11010521990101002'))).toBe('BIRTH_DATE'); // born in the future
  });
});
