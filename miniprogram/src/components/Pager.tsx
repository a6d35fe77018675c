// 上一页 · 第 n / m 页 · 下一页 under a staff table; ids `<id>-prev`, `<id>-page`, `<id>-next`.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './Pager.css'

interface Props {
  id: string
  page: number
  pages: number
  busy: boolean
  onPage: (page: number) => void
}

export default function Pager({ id, page, pages, busy, onPage }: Props) {
  return (
    <View className="jg-pager">
      <Button id={`${id}-prev`} size="small" disabled={busy || page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text id={`${id}-page`} className="jg-hint">
        第 {page} / {pages} 页
      </Text>
      <Button id={`${id}-next`} size="small" disabled={busy || page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
