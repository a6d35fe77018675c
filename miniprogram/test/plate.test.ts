// The plate keyboard's logic: the province list, what typing keeps, and the format hints.
import { PROVINCES, isValidPlate, plateError, plateKind, plateProblem, readTyped, splitPlate } from '@/utils/plate'

describe('PROVINCES', () => {
  it('puts 鲁 first and holds each of the 31 provinces once', () => {
    expect(PROVINCES[0]).toBe('鲁')
    expect(PROVINCES).toHaveLength(31)
    expect(new Set(PROVINCES).size).toBe(31)
    for (const p of ['京', '苏', '豫', '粤', '琼', '藏']) expect(PROVINCES).toContain(p)
  })
})

describe('readTyped', () => {
  it('upper-cases letters and drops spaces, dots, dashes and other characters', () => {
    expect(readTyped('d 12-3·45', '鲁')).toEqual({ province: '鲁', serial: 'D12345' })
    expect(readTyped('d1@2#3', '京')).toEqual({ province: '京', serial: 'D123' })
  })

  it('takes the province from a pasted whole plate', () => {
    expect(readTyped('粤b·d12345', '鲁')).toEqual({ province: '粤', serial: 'BD12345' })
  })

  it('keeps at most 7 characters after the province', () => {
    expect(readTyped('DD123456789', '鲁').serial).toBe('DD12345')
  })

  it('keeps the last characters of special plates', () => {
    expect(readTyped('D1234学', '鲁').serial).toBe('D1234学')
  })
})

describe('splitPlate', () => {
  it('splits a stored plate and starts an empty one with 鲁', () => {
    expect(splitPlate('苏A12345')).toEqual({ province: '苏', serial: 'A12345' })
    expect(splitPlate('')).toEqual({ province: '鲁', serial: '' })
    expect(splitPlate(null)).toEqual({ province: '鲁', serial: '' })
  })
})

describe('plateKind and plateProblem', () => {
  it.each([
    ['鲁D12345', 'ORDINARY'],
    ['鲁D6M789', 'ORDINARY'],
    ['京A1234学', 'ORDINARY'],
    ['鲁DD12345', 'NEV_SMALL'],
    ['鲁DFA1234', 'NEV_SMALL'],
    ['甘G23459F', 'NEV_LARGE'],
  ])('accepts %s as %s', (plate, kind) => {
    expect(plateKind(plate)).toBe(kind)
    expect(isValidPlate(plate)).toBe(true)
    expect(plateError(plate)).toBeNull()
  })

  it.each([
    ['鲁', '', '请填写车牌号'],
    ['鲁', 'D123', '还差 2 位'],
    ['鲁', 'DO1234', '字母 I 和 O'],
    ['鲁', 'I12345', '字母 I 和 O'],
    ['鲁', '112345', '第一位是字母'],
    ['鲁', 'D学1234', '只能是普通车牌的最后一位'],
    ['鲁', 'DM12345', '新能源车牌共 8 位'],
    ['鲁', 'D1234DF', '新能源车牌共 8 位'],
  ])('explains %s%s: %s', (province, serial, words) => {
    expect(isValidPlate(province + serial)).toBe(false)
    expect(plateProblem({ province, serial })).toContain(words)
  })
})
