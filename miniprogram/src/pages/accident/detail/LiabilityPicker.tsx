// The standard accident scenarios to choose from, and which side each party is in the chosen one.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import ErrorText from '@/components/ErrorText'
import { errorMessage } from '@/api/http'
import { getScenarios, setLiability, type AccidentCase, type FaultSide, type Scenario } from '@/api/accidents'
import { useSubmit } from '@/hooks/useSubmit'

interface LiabilityPickerProps {
  c: AccidentCase
  onSaved: (c: AccidentCase) => void
}

export default function LiabilityPicker({ c, onSaved }: LiabilityPickerProps) {
  const [scenarios, setScenarios] = useState<Scenario[]>([])
  const [loadError, setLoadError] = useState('')
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
  const list = c.vehicleCount === 1 ? scenarios.filter((s) => s.split === 'ONE') : scenarios
  return (
    <View className="jg-card" id="case-liability">
      <Text className="jg-subtitle">事故情形和责任</Text>
      {c.scenarioName && c.liability && (
        <Text id="liability-current" className="jg-label">
          当前：{c.scenarioName}，{c.liability[mine]}责任（我方）{c.vehicleCount === 2 ? `，${c.liability[other]}责任（对方）` : ''}
        </Text>
      )}
      <ErrorText id="liability-error" message={choose.error || loadError} />
      {list.map((s) => (
        <View key={s.code} id={`scenario-${s.code}`} className={`jg-choice ${c.scenario === s.code ? 'jg-choice-on' : ''}`}>
          <Text className="jg-label">{s.name}</Text>
          <Text className="jg-hint">
            {s.description}。{s.atFault}
          </Text>
          <View className="jg-row">
            {s.split === 'BOTH' ? (
              <Button size="small" onClick={() => void choose.run(s, 'both')}>
                双方同等
              </Button>
            ) : (
              <>
                <Button id={`scenario-${s.code}-me`} size="small" onClick={() => void choose.run(s, 'me')}>
                  我方是这一方
                </Button>
                {c.vehicleCount === 2 && (
                  <Button id={`scenario-${s.code}-other`} size="small" onClick={() => void choose.run(s, 'other')}>
                    对方是这一方
                  </Button>
                )}
              </>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
