// The step indicator of the accident report: seven numbered steps, the done ones ticked, the current
// one in police blue with its name; a done step (or the next allowed) can be tapped to go back to it.
import { Text, View } from '@tarojs/components'
import { STEPS, STEP_LABELS, stepIndex, type StepKey } from './steps'
import './steps.css'

interface StepBarProps {
  current: StepKey
  /** Steps that may be opened by a tap (the case page's reachable steps). */
  canOpen?: (step: StepKey) => boolean
  onOpen?: (step: StepKey) => void
}

export default function StepBar({ current, canOpen, onOpen }: StepBarProps) {
  const at = stepIndex(current)
  return (
    <View className="jg-steps" id="step-bar" data-step={current}>
      {STEPS.map((s, i) => {
        const state = i < at ? 'done' : i === at ? 'current' : 'todo'
        const open = s !== current && !!onOpen && !!canOpen?.(s)
        return (
          <View
            key={s}
            id={`step-${s}`}
            className={`jg-step jg-step-${state} ${open ? 'jg-step-open' : ''}`}
            onClick={open ? () => onOpen!(s) : undefined}
          >
            <Text className="jg-step-dot">{state === 'done' ? '✓' : i + 1}</Text>
            <Text className="jg-step-name">{STEP_LABELS[s]}</Text>
          </View>
        )
      })}
    </View>
  )
}
