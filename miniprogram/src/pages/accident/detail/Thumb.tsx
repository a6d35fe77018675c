// A photo or signature of the case as a picture: its bytes need the token, so they are fetched
// (an object URL in the browser, a temporary file in WeChat); a signature is shown on white.
import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { photoSrc, type Photo } from '@/api/accidents'

interface ThumbProps {
  photo: Photo
  className?: string
  id?: string
}

export default function Thumb({ photo, className, id }: ThumbProps) {
  const [src, setSrc] = useState('')
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    setFailed(false)
    photoSrc(photo.url)
      .then((s) => live && setSrc(s))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [photo.url])
  if (!src) return <Text className="jg-hint">{failed ? '照片暂时无法显示' : '正在加载…'}</Text>
  return <Image id={id} className={className ?? 'jg-gallery-img'} src={src} mode="aspectFit" data-photo={photo.id} />
}

/** The case's photos and signatures in two columns, each with its caption. */
export function Gallery({ id, items }: { id: string; items: { photo: Photo; caption: string }[] }) {
  return (
    <View className="jg-gallery" id={id}>
      {items.map(({ photo, caption }) => (
        <View key={photo.id} className={`jg-gallery-item ${photo.slot === 'SIGNATURE' ? 'jg-gallery-signature' : ''}`} data-slot={photo.slot}>
          <View className="jg-gallery-frame">
            <Thumb photo={photo} />
          </View>
          <Text className="jg-gallery-caption">{caption}</Text>
        </View>
      ))}
    </View>
  )
}
