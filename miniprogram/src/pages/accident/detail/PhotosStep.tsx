// Step 拍照: the eight guided slots as tiles, two a row. An empty tile shows its sample drawing and
// what to shoot; a tile with a photo shows the newest one, with 重拍 and 删除. 本车 and 对方 are the
// viewer's own car and the other one (the tile stores into the slot behind it, steps.ts slotFor).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { errorMessage } from '@/api/http'
import { deletePhoto, uploadPhoto, type AccidentCase, type Photo, type UploadSource } from '@/api/accidents'
import type { SlotGuide } from '@/components/PhotoSlot'
import { guidesFor } from '../labels'
import Thumb from './Thumb'

interface PhotosStepProps {
  c: AccidentCase
  onChanged: () => void
}

export default function PhotosStep({ c, onChanged }: PhotosStepProps) {
  const guides = guidesFor(c.myRole)
  const done = guides.filter((g) => g.required && c.photos.some((p) => p.slot === g.slot)).length
  return (
    <View id="case-photos">
      <Text className="jg-step-screen-title">拍下现场照片</Text>
      <Text className="jg-hint">
        前三张必拍（已拍 {done} / 3），其余能拍尽量拍。拍完后先把车移到路边，不要影响通行。
      </Text>
      <View className="jg-tiles">
        {guides.map((g) => (
          <PhotoTile key={g.slot} c={c} guide={g} photos={c.photos.filter((p) => p.slot === g.slot)} onChanged={onChanged} />
        ))}
      </View>
    </View>
  )
}

type TileState = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'failed'; message: string; source: UploadSource | null }

function PhotoTile({ c, guide, photos, onChanged }: { c: AccidentCase; guide: SlotGuide; photos: Photo[]; onChanged: () => void }) {
  const [state, setState] = useState<TileState>({ kind: 'idle' })
  const latest = photos[photos.length - 1]
  const mine = latest && latest.uploadedBy === c.myRole

  /** Uploads a photo; a retake of the party's own photo then removes the one it replaces. */
  const send = async (source: UploadSource, replaces: Photo | null = null) => {
    setState({ kind: 'uploading', percent: 0 })
    try {
      await uploadPhoto(c.id, guide.slot, source, (percent) => setState({ kind: 'uploading', percent }))
      if (replaces) await deletePhoto(c.id, replaces.id).catch(() => undefined)
      setState({ kind: 'idle' })
      onChanged()
    } catch (err) {
      // The photo stays on the phone (its temporary file) until the server has it.
      setState({ kind: 'failed', message: errorMessage(err), source })
    }
  }

  const shoot = async () => {
    try {
      const web = Taro.getEnv() === Taro.ENV_TYPE.WEB
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: web ? ['album', 'camera'] : ['camera'] })
      const file = web ? (res.tempFiles[0] as { originalFileObj?: File } | undefined)?.originalFileObj : undefined
      const source = file ?? res.tempFilePaths[0]
      if (source) await send(source, latest && mine ? latest : null)
    } catch {
      // Cancelled by the user: nothing to do.
    }
  }

  const remove = async () => {
    if (!latest) return
    const r = await Taro.showModal({ title: '删除照片', content: `删除这张“${guide.title}”照片吗？` }).catch(() => ({ confirm: false }))
    if (!r.confirm) return
    try {
      await deletePhoto(c.id, latest.id)
      onChanged()
    } catch (err) {
      setState({ kind: 'failed', message: errorMessage(err), source: null })
    }
  }

  return (
    <View className={`jg-tile ${latest ? 'jg-tile-done' : ''}`} id={`slot-${guide.slot}`}>
      <Text className="jg-tile-title">
        {latest ? '✓ ' : ''}
        {guide.title}
        {guide.required && <Text className="jg-tile-required">（必拍）</Text>}
      </Text>
      {latest ? (
        <View className="jg-tile-picture">
          <Thumb id={`slot-${guide.slot}-photo`} photo={latest} className="jg-gallery-img" />
        </View>
      ) : (
        <Image id={`slot-${guide.slot}-sample`} className="jg-tile-picture" src={guide.sample} mode="aspectFit" />
      )}
      <Text className="jg-tile-caption">{latest ? `已上传${photos.length > 1 ? ` ${photos.length} 张` : ''}` : guide.guide}</Text>
      {state.kind === 'uploading' && (
        <View className="jg-slot-progress">
          <Progress percent={state.percent} showText />
          <Text className="jg-hint">正在上传…</Text>
        </View>
      )}
      {state.kind === 'failed' && <Text className="jg-error">{state.message}</Text>}
      {state.kind !== 'uploading' && (
        <View className="jg-tile-buttons">
          {state.kind === 'failed' && state.source ? (
            <Button className="jg-button jg-tile-retry" type="primary" onClick={() => void send(state.source!)}>
              重新上传
            </Button>
          ) : (
            <Button className="jg-button jg-tile-shoot" type={latest ? 'default' : 'primary'} onClick={() => void shoot()}>
              {latest ? '重拍' : '拍照'}
            </Button>
          )}
          {latest && mine && (
            <Button id={`slot-${guide.slot}-delete`} className="jg-button jg-tile-delete" onClick={() => void remove()}>
              删除
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
