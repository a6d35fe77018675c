// One guided photo slot: what to shoot, camera-only in WeChat (file picker in the browser), upload with progress and retry.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { errorMessage } from '@/api/http'
import { uploadPhoto, type Slot, type UploadSource } from '@/api/accidents'
import './accident.css'

export interface SlotGuide {
  slot: Slot
  title: string
  /** What the picture must show (the sample's caption). */
  guide: string
  /** A small drawing of what to shoot (an image URL). */
  sample: string
  required?: boolean
}

interface PhotoSlotProps {
  caseId: number
  guide: SlotGuide
  /** How many photos of this slot the case already holds. */
  done: number
  onUploaded: () => void
}

type State = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'failed'; message: string; source: UploadSource }

export default function PhotoSlot({ caseId, guide, done, onUploaded }: PhotoSlotProps) {
  const [state, setState] = useState<State>({ kind: 'idle' })

  const send = async (source: UploadSource) => {
    setState({ kind: 'uploading', percent: 0 })
    try {
      await uploadPhoto(caseId, guide.slot, source, (percent) => setState({ kind: 'uploading', percent }))
      setState({ kind: 'idle' })
      onUploaded()
    } catch (err) {
      // The photo stays on the phone (its temporary file) until the server has it.
      setState({ kind: 'failed', message: errorMessage(err), source })
    }
  }

  const shoot = async () => {
    try {
      const web = Taro.getEnv() === Taro.ENV_TYPE.WEB
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: web ? ['album', 'camera'] : ['camera'] })
      // In the browser the picked File itself is sent; in WeChat its temporary path.
      const file = web ? (res.tempFiles[0] as { originalFileObj?: File } | undefined)?.originalFileObj : undefined
      const source = file ?? res.tempFilePaths[0]
      if (source) await send(source)
    } catch {
      // Cancelled by the user: nothing to do.
    }
  }

  return (
    <View className={`jg-card jg-slot ${done > 0 ? 'jg-slot-done' : ''}`} id={`slot-${guide.slot}`}>
      <View className="jg-slot-head">
        <Text className="jg-subtitle">
          {done > 0 ? '✓ ' : ''}
          {guide.title}
          {guide.required ? '（必拍）' : ''}
        </Text>
        {done > 0 && <Text className="jg-hint">已上传 {done} 张</Text>}
      </View>
      <View className="jg-slot-sample">
        <Image id={`slot-${guide.slot}-sample`} className="jg-slot-sample-image" src={guide.sample} mode="aspectFit" />
        <Text className="jg-hint jg-slot-sample-caption">示例：{guide.guide}</Text>
      </View>
      {state.kind === 'uploading' && (
        <View className="jg-slot-progress">
          <Progress percent={state.percent} showText />
          <Text className="jg-hint">正在上传…</Text>
        </View>
      )}
      {state.kind === 'failed' && (
        <View>
          <Text className="jg-error">{state.message}</Text>
          <Button className="jg-button" size="large" onClick={() => void send(state.source)}>
            重新上传
          </Button>
        </View>
      )}
      {state.kind !== 'uploading' && (
        <Button className="jg-button" type={done > 0 ? 'default' : 'primary'} size="large" onClick={() => void shoot()}>
          {done > 0 ? '再拍一张' : '拍照'}
        </Button>
      )}
    </View>
  )
}
