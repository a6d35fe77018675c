// Quick accident processing (事故快处) home: report a new accident, join the other party's, and my cases.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import StatusTag from '@/components/StatusTag'
import '@/components/accident.css'
import { getToken } from '@/api/http'
import { myAccidents } from '@/api/accidents'
import { useLoad } from '@/hooks/useLoad'
import { open, openLogin } from '@/utils/nav'
import { shanghai } from './labels'

export default function AccidentPage() {
  const loggedIn = !!getToken()
  const { data: cases, error } = useLoad(async () => (getToken() ? (await myAccidents()).items : null))

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
          <Button id="accident-login" className="jg-button" type="primary" size="large" onClick={openLogin}>
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
              <StatusTag status={c.status} text={c.statusText} />
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
