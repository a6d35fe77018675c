// The CSV of a chart in the mini-program: WeChat cannot open a .csv file (openDocument takes office
// files and PDFs only), so the text is copied for pasting into a spreadsheet. The h5 build saves a
// file instead (download.h5.ts).
import Taro from '@tarojs/taro'
import { getToken, toApiError } from '@/api/http'

export async function downloadCsv(path: string, _fileName: string): Promise<string> {
  const res = await Taro.request({ url: `${API_BASE}${path}`, header: { Authorization: `Bearer ${getToken()}` }, dataType: 'text', responseType: 'text' })
  if (res.statusCode !== 200) throw toApiError(res.statusCode, res.data)
  await Taro.setClipboardData({ data: String(res.data).replace(/^\uFEFF/, '') })
  return '表格数据已复制，可粘贴到电子表格中'
}
