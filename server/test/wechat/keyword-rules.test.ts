// Unit tests of the subscribe-message keyword value rules (WECHAT.md §3 table).
import { findInvalidDataField, isValidKeywordValue, keywordType, type KeywordType } from '../../src/wechat/keyword-rules';

describe('keywordType', () => {
  it.each([
    ['thing1', 'thing'],
    ['thing12', 'thing'],
    ['character_string9', 'character_string'],
    ['phone_number3', 'phone_number'],
    ['car_number5', 'car_number'],
    ['time4', 'time'],
    ['date2', 'date'],
    ['amount7', 'amount'],
    ['name1', 'name'],
    ['phrase6', 'phrase'],
    ['number2', 'number'],
    ['letter1', 'letter'],
    ['symbol1', 'symbol'],
  ])('%s is %s', (key, type) => {
    expect(keywordType(key)).toBe(type);
  });

  it.each(['remark5', 'first', 'thing', 'Thing1', '1thing', 'keyword1', ''])('%s is not a keyword type', (key) => {
    expect(keywordType(key)).toBeNull();
  });
});

const cases: Record<KeywordType, { valid: string[]; invalid: string[] }> = {
  thing: {
    valid: ['事故快处进度', 'Exam booking 1', '鲁D12345的事故（已受理）', '一二三四五六七八九十一二三四五六七八九十'],
    invalid: ['', '一二三四五六七八九十一二三四五六七八九十一', 'line\nbreak', 'a'.repeat(21)],
  },
  number: {
    valid: ['0', '12', '3.14', '1'.repeat(32)],
    invalid: ['', '1'.repeat(33), '12a', '-1', '1.', '.5', '１２'],
  },
  letter: {
    valid: ['abc', 'ABCdef', 'a'.repeat(32)],
    invalid: ['', 'a'.repeat(33), 'abc1', 'ab c', '字母'],
  },
  symbol: {
    valid: ['!', '#$%', '~!@#$', '（）'],
    invalid: ['', '!!!!!!', 'a!', '1', '中'],
  },
  character_string: {
    valid: ['ABC-123', 'order_2026/01#7', 'x'.repeat(32)],
    invalid: ['', 'x'.repeat(33), '编号123', 'ab cd'],
  },
  time: {
    valid: [
      '15:01',
      '9:05',
      '15:01:30',
      '2019年10月1日 15:01',
      '2019年10月1日15:01',
      '10月1日 15:01',
      '2026-01-05 10:00',
      '2026/1/5 10:00',
      '15:01~16:00',
      '2019年10月1日 15:01~2019年10月1日 16:00',
      '2026-01-05 10:00~11:30',
    ],
    invalid: ['', '2019年10月1日', '25:00', '12:60', '3pm', '2026-02-30 10:00', '15:01~', '10:00~11:00~12:00', '明天 10:00'],
  },
  date: {
    valid: ['2019年10月1日', '2026-01-05', '2026/1/5', '2019年10月1日 15:01', '2026-01-05~2026-01-09', '2026-01-05 10:00~11:00'],
    invalid: ['', '15:01', '2026-13-01', '2026-02-29', '2026-01-05~10:00', '下周一'],
  },
  amount: {
    valid: ['¥100', '￥8.00', '$12.5', '200元', '¥1234567890', '¥12345678.90', '100'],
    invalid: ['', '¥12345678901', '¥1,000', '元100', '¥¥10', 'RMB10', '¥-5'],
  },
  phone_number: {
    valid: ['13800138000', '+86-0766-66888866', '0632-1234567', '(0632)3456'],
    invalid: ['', '+86-0766-668888661', 'tel13800', '138 0013 8000', '---'],
  },
  car_number: {
    valid: ['鲁D12345', '鲁DD12345', '鲁D12345F', '鲁D1234学', '粤Z1234港', 'WJ12345'],
    invalid: ['', '鲁D123456789', '鲁DD123456', '鲁D-12345', '鲁', '鲁D 12345', 'D12中345'],
  },
  name: {
    valid: ['张三', '欧阳一二三四五六七八', 'John Smith', "Mary-Jane O'Neil", '阿卜杜拉·买买提'],
    invalid: ['', '欧阳一二三四五六七八九', 'John Smith Junior The Third', '张三John Smithson', 'R2D2', '   '],
  },
  phrase: {
    valid: ['配送中', '已受理', '待审核通过'],
    invalid: ['', '待审核未通过', 'ok', '已受理!', '已 受理'],
  },
};

describe.each(Object.entries(cases) as [KeywordType, { valid: string[]; invalid: string[] }][])(
  'isValidKeywordValue(%s)',
  (type, { valid, invalid }) => {
    it.each(valid)('accepts %j', (value) => {
      expect(isValidKeywordValue(type, value)).toBe(true);
    });
    it.each(invalid)('refuses %j', (value) => {
      expect(isValidKeywordValue(type, value)).toBe(false);
    });
  },
);

describe('isValidKeywordValue edge cases', () => {
  it('counts characters, not UTF-16 units, for thing', () => {
    expect(isValidKeywordValue('thing', '𠀀'.repeat(20))).toBe(true);
    expect(isValidKeywordValue('thing', '𠀀'.repeat(21))).toBe(false);
  });
  it('refuses non-strings', () => {
    expect(isValidKeywordValue('number', 12 as unknown as string)).toBe(false);
    expect(isValidKeywordValue('thing', undefined)).toBe(false);
  });
});

describe('findInvalidDataField', () => {
  it('returns null when every value is valid', () => {
    expect(findInvalidDataField({ thing1: { value: '事故快处' }, time2: { value: '2026-01-05 10:00' } })).toBeNull();
  });
  it('names the first invalid key', () => {
    expect(
      findInvalidDataField({ thing1: { value: 'ok' }, phrase2: { value: '太长的短语啊' }, time3: { value: 'x' } }),
    ).toBe('phrase2');
  });
  it('names an unknown keyword type and a missing value', () => {
    expect(findInvalidDataField({ remark5: { value: 'x' } })).toBe('remark5');
    expect(findInvalidDataField({ thing1: 'bare string' })).toBe('thing1');
  });
});
