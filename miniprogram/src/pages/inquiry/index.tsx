// Inquiry page (业务查询): identity first, then the driver's licence, vehicles (with binding) and violations.
import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PageShell from '@/components/PageShell'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import IdentityForm from '@/components/IdentityForm'
import PlateInput from '@/components/PlateInput'
import WayBack from '@/components/WayBack'
import { ApiError, errorMessage, getToken } from '@/api/http'
import { getMe } from '@/api/me'
import { bindVehicle, getLicence, listVehicles, listViolations, yuan, type Licence, type Vehicle, type ViolationList } from '@/api/inquiries'
import { shanghaiDate, shanghaiTime } from '@/api/consultations'
import { plateError } from '@/utils/plate'
import { useSubmit } from '@/hooks/useSubmit'
import { askToSubscribe } from '@/services/subscribe'
import { PAGES, open, openLogin } from '@/utils/nav'
import './index.css'

type Tab = 'licence' | 'vehicles' | 'violations'
/** A message opens the page on one tab, at one record: ?tab=violations&id=7 (contracts/pages.ts inquiryLink). */
function openedAt(params: Record<string, string | undefined>): { tab: Tab; id: number | null } {
  const tab = (['licence', 'vehicles', 'violations'] as const).find((t) => t === params.tab) ?? 'licence'
  const id = Number(params.id)
  return { tab, id: Number.isInteger(id) && id > 0 ? id : null }
}

const TABS: { key: Tab; label: string }[] = [
  { key: 'licence', label: '驾驶证' },
  { key: 'vehicles', label: '机动车' },
  { key: 'violations', label: '违法记录' },
]

export default function InquiryPage() {
  const [bound, setBound] = useState<boolean | null>(null)
  const opened = openedAt(useRouter().params)
  const [tab, setTab] = useState<Tab>(opened.tab)
  const [licence, setLicence] = useState<Licence | null>(null)
  const [vehicles, setVehicles] = useState<Vehicle[] | null>(null)
  const [violations, setViolations] = useState<ViolationList | null>(null)
  const [error, setError] = useState('')
  const [plate, setPlate] = useState('')
  const [vinSuffix, setVinSuffix] = useState('')

  const load = async (which: Tab = tab) => {
    setError('')
    try {
      if (which === 'licence') setLicence(await getLicence())
      if (which === 'vehicles') setVehicles((await listVehicles()).items)
      if (which === 'violations') setViolations(await listViolations())
      // Opened from a message: bring its record into view (it is also marked).
      if (opened.id && which === opened.tab && typeof Taro.pageScrollTo === 'function') {
        const selector = `#${which === 'violations' ? 'violation' : 'vehicle'}-${opened.id}`
        setTimeout(() => void Promise.resolve(Taro.pageScrollTo({ selector, duration: 200 })).catch(() => undefined), 100)
      }
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? '没有找到您名下的驾驶证信息，如有疑问请在线咨询。' : errorMessage(err))
    }
  }

  useDidShow(() => {
    void (async () => {
      try {
        const me = await getMe()
        const ok = me.role === 'driver' && me.identity.bound
        setBound(ok)
        if (ok) await load()
      } catch (err) {
        setError(errorMessage(err))
      }
    })()
  })

  const pick = (t: Tab) => {
    setTab(t)
    void load(t)
  }

  const bind = useSubmit(async () => {
    await bindVehicle({ plate, vinSuffix: vinSuffix.trim() })
    setPlate('')
    setVinSuffix('')
    await load('vehicles')
  })

  const onBind = () => {
    const problem = plateError(plate)
    if (problem) bind.setError(problem)
    else {
      // In the tap: a vehicle's new violations and inspection reminders (WeChat asks only in a tap).
      void askToSubscribe(['traffic_reminder'])
      void bind.run()
    }
  }

  if (bound === false) {
    return (
      <PageShell>
        <Text className="jg-hint">查询本人信息前，请先绑定身份（只需一次）。</Text>
        <IdentityForm
          onBound={() => {
            setBound(true)
            void load()
          }}
        />
        <WayBack id="inquiry-back" />
      </PageShell>
    )
  }

  return (
    <PageShell>
      <View className="inq-tabs">
        {TABS.map((t) => (
          <Text key={t.key} id={`tab-${t.key}`} className={t.key === tab ? 'inq-tab inq-tab-on' : 'inq-tab'} onClick={() => pick(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>
      <ErrorText id="inquiry-error" message={error} />
      {/* A stop: not logged in or the check failed (bound unknown), or no licence found. */}
      {error && (bound === null || (tab === 'licence' && !licence)) && (
        <WayBack
          id="inquiry-back"
          next={
            bound === null
              ? getToken()
                ? { id: 'inquiry-retry', label: '重试', onClick: () => setError('') }
                : { id: 'inquiry-login', label: '登录', onClick: openLogin }
              : { id: 'inquiry-consult', label: '在线咨询', onClick: () => open(PAGES.consult) }
          }
        />
      )}

      {tab === 'licence' && licence && (
        <View id="licence-card" className="jg-card">
          <Text className="jg-subtitle">
            {licence.name} · {licence.licenceClass}（{licence.licenceClassText}）
          </Text>
          <Text className="jg-hint">证号 {licence.idNumber}</Text>
          <View className="inq-meter">
            <View className="inq-meter-fill" style={{ width: `${Math.min(100, (licence.points / licence.fullPoints) * 100)}%` }} />
          </View>
          <Text id="licence-points" className="inq-big">
            本周期记分 {licence.points} / {licence.fullPoints}
          </Text>
          <Text className="jg-hint">
            记分周期 {shanghaiDate(licence.pointsCycle.startsAt)} 至 {shanghaiDate(licence.pointsCycle.endsAt)}
          </Text>
          <Text className="jg-hint">
            状态：{licence.statusText} · 有效期至 {shanghaiDate(licence.validUntil)}
          </Text>
          {licence.advice.map((a) => (
            <Text key={a} className="inq-advice">
              {a}
            </Text>
          ))}
        </View>
      )}

      {tab === 'vehicles' && (
        <View>
          {vehicles?.length === 0 && <Text className="jg-hint">还没有绑定车辆。填写号牌号码和车架号后4位即可绑定本人名下的车辆。</Text>}
          {vehicles?.map((v) => (
            <View key={v.id} id={`vehicle-${v.id}`} className={tab === opened.tab && v.id === opened.id ? 'jg-card inq-opened' : 'jg-card'}>
              <Text className="inq-big">{v.plate}</Text>
              <Text className="jg-hint">
                {v.plateTypeText} · {v.brand} {v.model} · 车架号 {v.vin}
              </Text>
              <Text className="jg-hint">
                状态：{v.statusText}
                {v.inspectionDueAt ? ` · 检验有效期至 ${shanghaiDate(v.inspectionDueAt)}` : ''}
                {v.inspectionDaysLeft !== null && v.inspectionDaysLeft >= 0 ? `（还有${v.inspectionDaysLeft}天）` : ''}
              </Text>
              {v.warnings.map((w) => (
                <Text key={w} className="inq-warning">
                  {w}
                </Text>
              ))}
            </View>
          ))}
          <View id="bind-form" className="jg-card">
            <Text className="jg-subtitle">绑定车辆</Text>
            <Field label="号牌号码">
              <PlateInput id="bind-plate" value={plate} onChange={setPlate} />
            </Field>
            <Field label="车架号后4位或后6位">
              <Input id="bind-vin" className="jg-input" placeholder="见行驶证" maxlength={6} value={vinSuffix} onInput={(e) => setVinSuffix(e.detail.value)} />
            </Field>
            <ErrorText id="bind-error" message={bind.error} />
            <Button id="bind-submit" className="jg-button" type="primary" size="large" loading={bind.busy} disabled={bind.busy} onClick={onBind}>
              绑定
            </Button>
          </View>
        </View>
      )}

      {tab === 'violations' && violations && (
        <View>
          <View id="violation-totals" className="jg-card">
            <Text className="jg-subtitle">未处理完的违法 {violations.totals.outstandingCount} 条</Text>
            <Text className="jg-hint">
              罚款 {yuan(violations.totals.fineFen)} · 滞纳金 {yuan(violations.totals.lateFeeFen)} · 记分 {violations.totals.points}
            </Text>
            <Text className="inq-big">应缴合计 {yuan(violations.totals.amountDueFen)}</Text>
          </View>
          {violations.items.length === 0 && <Text className="jg-hint">没有违法记录，请继续保持安全驾驶。</Text>}
          {violations.items.map((v) => (
            <View key={v.id} id={`violation-${v.id}`} className={tab === opened.tab && v.id === opened.id ? 'jg-card inq-opened' : 'jg-card'}>
              <Text className="jg-subtitle">
                {v.plate} · {v.statusText}
              </Text>
              <Text className="jg-hint">
                {shanghaiTime(v.occurredAt)} · {v.place}
              </Text>
              <Text className="jg-hint">{v.description}</Text>
              <Text className="jg-hint">
                罚款 {yuan(v.fineFen)} · 记{v.points}分{v.lateFeeFen > 0 ? ` · 滞纳金 ${yuan(v.lateFeeFen)}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
