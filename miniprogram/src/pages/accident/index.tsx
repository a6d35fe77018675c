// Quick accident processing (事故快处) home: report a new accident, join the other party's, and my cases.
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import '@/components/accident.css'
import { errorMessage, getToken } from '@/api/http'
import { myAccidents, type AccidentCase } from '@/api/accidents'
import { PAGES, open } from '@/utils/nav'
import { shanghai, statusTagClass } from './labels'

export default function AccidentPage() {
  const [cases, setCases] = useState<AccidentCase[] | null>(null)
  const [error, setError] = useState('')
  const loggedIn = !!getToken()

  useDidShow(() => {
    if (!getToken()) return
    myAccidents()
      .then((list) => setCases(list.items))
      .catch((err: unknown) => setError(errorMessage(err)))
  })

  return (
    <PageShell>
      <View className="jg-card">
        <Text className="jg-title">事故快处</Text>
        <Text className="jg-hint">没有人受伤、车辆能开的轻微事故：拍照、填信息、双方签字，民警在线确认，不用在现场等。</Text>
        {loggedIn ? (
          <View>
            <Button id="accident-report" className="jg-button" type="primary" size="large" onClick={() => open('/pages/accident/report/index')}>
              我要报案
            </Button>
            <Button id="accident-join" className="jg-button" size="large" onClick={() => open('/pages/accident/join/index')}>
              对方已报案，我要加入
            </Button>
          </View>
        ) : (
          <Button id="accident-login" className="jg-button" type="primary" size="large" onClick={() => open(PAGES.login)}>
            登录后办理
          </Button>
        )}
      </View>
      {loggedIn && (
        <View className="jg-card">
          <Text className="jg-subtitle">我的事故</Text>
          <ErrorText id="accident-list-error" message={error} />
          {cases === null && !error && <Text className="jg-hint">正在加载…</Text>}
          {cases?.length === 0 && <Text className="jg-hint">还没有事故记录。</Text>}
          {cases?.map((c) => (
            <View key={c.id} className="jg-choice accident-item" onClick={() => open(`/pages/accident/detail/index?id=${c.id}`)}>
              <Text className={statusTagClass(c.status)}>{c.statusText}</Text>
              <Text className="jg-label">{c.location.address}</Text>
              <Text className="jg-hint">
                {shanghai(c.occurredAt)} · {c.caseNumber}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
