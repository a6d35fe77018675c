// Full-width handwritten signature pad: draws on a canvas and hands back a PNG file path for upload.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { dataUrlToBlob, type UploadSource } from '@/api/accidents'
import './accident.css'

interface SignaturePadProps {
  id: string
  /** A file path in WeChat, the PNG itself in the browser. */
  onDone: (png: UploadSource) => void
  busy?: boolean
  /** Ink width in px (3); a pad filling the screen draws thicker, so the signature still reads when shown small. */
  lineWidth?: number
}

const CANVAS_ID = 'jg-signature'

type TouchLike = { x?: number; y?: number; clientX?: number; clientY?: number }

export default function SignaturePad({ id, onDone, busy, lineWidth = 3 }: SignaturePadProps) {
  const ctxRef = useRef<Taro.CanvasContext | null>(null)
  const last = useRef<{ x: number; y: number } | null>(null)
  const [strokes, setStrokes] = useState(0)

  const ctx = () => {
    if (!ctxRef.current) {
      const c = Taro.createCanvasContext(CANVAS_ID)
      c.setStrokeStyle('#111111')
      c.setLineWidth(lineWidth)
      c.setLineCap('round')
      c.setLineJoin('round')
      ctxRef.current = c
    }
    return ctxRef.current
  }

  /** Browser: client coordinates relative to the canvas element. */
  const fromClient = (clientX: number, clientY: number) => {
    const el = document.querySelector(`#${id} canvas`) as HTMLCanvasElement | null
    const rect = el?.getBoundingClientRect()
    return { x: clientX - (rect?.left ?? 0), y: clientY - (rect?.top ?? 0) }
  }

  const point = (e: { touches?: TouchLike[]; changedTouches?: TouchLike[] }) => {
    const t = (e.touches && e.touches[0]) || (e.changedTouches && e.changedTouches[0]) || {}
    if (typeof t.x === 'number' && typeof t.y === 'number') return { x: t.x, y: t.y }
    return fromClient(t.clientX ?? 0, t.clientY ?? 0)
  }

  const startAt = (p: { x: number; y: number }) => {
    last.current = p
  }
  const moveTo = (to: { x: number; y: number }) => {
    const from = last.current
    if (!from) return
    const c = ctx()
    c.beginPath()
    c.moveTo(from.x, from.y)
    c.lineTo(to.x, to.y)
    c.stroke()
    c.draw(true)
    last.current = to
  }
  const end = () => {
    if (last.current) setStrokes((n) => n + 1)
    last.current = null
  }
  const start = (e: Parameters<typeof point>[0]) => startAt(point(e))
  const move = (e: Parameters<typeof point>[0]) => moveTo(point(e))

  // In the browser a mouse (or a pen) signs too, for people trying the service on a PC. The listeners
  // sit on the pad's frame, which exists at mount, and react to presses that start on the canvas.
  useEffect(() => {
    if (Taro.getEnv() !== Taro.ENV_TYPE.WEB) return undefined
    const frame = document.getElementById(id)
    if (!frame) return undefined
    const down = (e: MouseEvent) => {
      if ((e.target as HTMLElement | null)?.tagName === 'CANVAS') startAt(fromClient(e.clientX, e.clientY))
    }
    const over = (e: MouseEvent) => moveTo(fromClient(e.clientX, e.clientY))
    frame.addEventListener('mousedown', down)
    frame.addEventListener('mousemove', over)
    frame.addEventListener('mouseup', end)
    frame.addEventListener('mouseleave', end)
    return () => {
      frame.removeEventListener('mousedown', down)
      frame.removeEventListener('mousemove', over)
      frame.removeEventListener('mouseup', end)
      frame.removeEventListener('mouseleave', end)
    }
  }, [id])

  const clear = () => {
    const c = ctx()
    c.clearRect(0, 0, 2000, 2000)
    c.draw()
    setStrokes(0)
  }

  const finish = async () => {
    const res = await Taro.canvasToTempFilePath({ canvasId: CANVAS_ID, fileType: 'png' })
    onDone(res.tempFilePath.startsWith('data:') ? dataUrlToBlob(res.tempFilePath) : res.tempFilePath)
  }

  return (
    <View className="jg-card" id={id}>
      <Text className="jg-subtitle">请在下方手写签名</Text>
      <Canvas
        canvasId={CANVAS_ID}
        id={CANVAS_ID}
        className="jg-signature"
        disableScroll
        onTouchStart={start}
        onTouchMove={move}
        onTouchEnd={end}
      />
      <View className="jg-row">
        <Button className="jg-button" size="large" onClick={clear}>
          重写
        </Button>
        <Button id={`${id}-confirm`} className="jg-button" type="primary" size="large" disabled={strokes === 0 || busy} onClick={() => void finish()}>
          {busy ? '正在提交…' : '确认签名'}
        </Button>
      </View>
    </View>
  )
}
