// Step 责任: the standard scenarios as pictures (only those that fit the number of cars: no 单车事故
// in a two-car case), then which car did it, named from the viewer's side (本车 = the viewer's own).
import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { getScenarios, setLiability, type AccidentCase, type FaultSide, type Scenario } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'
import { scenariosFor } from '../steps'
import { scenarioUrl } from '../scenario-drawings'

interface LiabilityPickerProps {
  c: AccidentCase
  onSaved: (c: AccidentCase) => void
}

/** The liability in words from the viewer's side: 我方（本车）全部责任，对方无责任. */
export function liabilityText(c: AccidentCase): string {
  if (!c.liability) return ''
  const mine = c.myRole ?? 'A'
  const other = mine === 'A' ? 'B' : 'A'
  const own = `我方（本车）${c.liability[mine] ?? ''}责任`
  return c.vehicleCount === 2 ? `${own}，对方${c.liability[other] ?? ''}责任` : own
}

export default function LiabilityPicker({ c, onSaved }: LiabilityPickerProps) {
  const [scenarios, setScenarios] = useState<Scenario[]>([])
  const [loadError, setLoadError] = useState('')
  const [open, setOpen] = useState<string | null>(c.scenario)
  // Mounted after the page has shown (useLoad would miss useDidShow): the list is fetched once here.
  useEffect(() => {
    getScenarios()
      .then((s) => setScenarios(s.items))
      .catch((err: unknown) => setLoadError(errorMessage(err)))
  }, [])
  const mine = c.myRole ?? 'A'
  const other = mine === 'A' ? 'B' : 'A'
  const choose = useSubmit(async (scenario: Scenario, who: 'me' | 'other' | 'both') => {
    const atFault: FaultSide = who === 'both' ? 'BOTH' : who === 'me' ? mine : other
    onSaved(await setLiability(c.id, scenario.code, atFault))
  })
  const list = scenariosFor(c.vehicleCount, scenarios)
  const whoButton = (s: Scenario, who: 'me' | 'other' | 'both', label: string) => {
    const on =
      c.scenario === s.code && (who === 'both' ? c.atFault === 'BOTH' : c.atFault === (who === 'me' ? mine : other))
    return (
      <Button
        id={`scenario-${s.code}-${who}`}
        className="jg-button"
        type={on ? 'primary' : 'default'}
        size="large"
        disabled={choose.busy}
        onClick={() => void choose.run(s, who)}
      >
        {label}
      </Button>
    )
  }
  return (
    <View id="case-liability">
      <Text className="jg-step-screen-title">事故情形和责任</Text>
      <Text className="jg-hint">点选与现场相符的图，再选是哪辆车。图中橙色车为负责任的一方。</Text>
      {c.scenarioName && c.liability && (
        <Text id="liability-current" className="jg-label jg-next-box">
          已选：{c.scenarioName}，{liabilityText(c)}
        </Text>
      )}
      <ErrorText id="liability-error" message={choose.error || loadError} />
      {scenarios.length === 0 && !loadError && <Text className="jg-hint">正在加载事故情形…</Text>}
      {list.map((s) => (
        <View key={s.code}>
          <View
            id={`scenario-${s.code}`}
            className={`jg-scenario ${c.scenario === s.code ? 'jg-scenario-on' : ''}`}
            onClick={() => setOpen(open === s.code ? null : s.code)}
          >
            <Image id={`scenario-${s.code}-picture`} className="jg-scenario-picture" src={scenarioUrl(s.code)} mode="aspectFit" />
            <View className="jg-scenario-text">
              <Text className="jg-scenario-name">{s.name}</Text>
              <Text className="jg-hint">{s.description}</Text>
            </View>
          </View>
          {open === s.code && (
            <View className="jg-card jg-who" id={`scenario-${s.code}-who`}>
              <Text className="jg-label">{s.atFault}。是哪辆车？</Text>
              <View className="jg-row">
                {s.split === 'BOTH' ? (
                  whoButton(s, 'both', '双方同等责任')
                ) : c.vehicleCount === 2 ? (
                  <>
                    {whoButton(s, 'me', '本车（我方）')}
                    {whoButton(s, 'other', '对方车辆')}
                  </>
                ) : (
                  whoButton(s, 'me', '本车负全部责任')
                )}
              </View>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
