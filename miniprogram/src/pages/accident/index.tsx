// Quick accident processing page (事故快处): placeholder until the feature is built.
import ComingSoon from '@/components/ComingSoon'

export default function AccidentPage() {
  return <ComingSoon title="事故快处" description="在事故现场用手机拍照、填写双方信息、认定责任，民警在线确认，无需等待现场处理。" />
}
