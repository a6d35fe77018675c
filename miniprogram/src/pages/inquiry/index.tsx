// Inquiry page (业务查询): placeholder until the feature is built.
import ComingSoon from '@/components/ComingSoon'

export default function InquiryPage() {
  return <ComingSoon title="业务查询" description="绑定身份后，可查询本人的驾驶证、机动车和交通违法记录。" />
}
