// Exam booking page (考试预约): placeholder until the feature is built.
import ComingSoon from '@/components/ComingSoon'

export default function ExamPage() {
  return <ComingSoon title="考试预约" description="查看各科目的考试进度和可预约场次，在线预约、取消并查看考试结果。" />
}
