// Online consultation page (在线咨询): placeholder until the feature is built.
import ComingSoon from '@/components/ComingSoon'

export default function ConsultPage() {
  return <ComingSoon title="在线咨询" description="把车驾管、违法处理、事故、考试等问题发给客服，回复会通过消息通知您。" />
}
