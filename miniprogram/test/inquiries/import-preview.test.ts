// The import page's preview of a picked file: Chinese column names, the first rows, missing required columns.
import { previewOf, splitCsvLine } from '@/packages/admin/import/preview'

const LICENCES = {
  required: ['idNumber', 'name', 'licenceClass', 'firstIssuedAt', 'validUntil', 'status', 'points'],
  optional: ['phone'],
}

describe('the import preview', () => {
  it('shows a CSV file’s first rows under Chinese column names and names the missing required columns', () => {
    const lines = ['\uFEFFidNumber,name,licenceClass,klass', ...Array.from({ length: 8 }, (_, i) => `37040219850312101${i},"张,伟",C1,x`)]
    const p = previewOf(lines.join('\r\n'), LICENCES)
    expect(p.columns.map((c) => c.label)).toEqual(['身份证号', '姓名', '准驾车型', 'klass'])
    expect(p.columns.map((c) => c.known)).toEqual([true, true, true, false])
    expect(p.rows).toHaveLength(5)
    expect(p.rows[0]).toEqual(['370402198503121010', '张,伟', 'C1', 'x'])
    expect(p.missing).toEqual(['初次领证日期', '有效期至', '状态', '记分'])
  })

  it('takes a JSON array and its keys as columns', () => {
    const p = previewOf(JSON.stringify([{ idNumber: '1', name: '王芳', points: 0 }]), LICENCES)
    expect(p.columns.map((c) => c.name)).toEqual(['idNumber', 'name', 'points'])
    expect(p.rows).toEqual([['1', '王芳', '0']])
  })

  it('splits quoted CSV fields with doubled quotes', () => {
    expect(splitCsvLine('a,"b ""c"", d",e')).toEqual(['a', 'b "c", d', 'e'])
  })
})
