// Admin workbench (管理后台): placeholder for exam plans, data import, statistics and accounts.
import { Text, View } from '@tarojs/components'
import StaffHome from '@/components/StaffHome'

const SECTIONS = [
  { id: 'admin-exams', title: '考试计划', hint: '发布考试场次，查看预约情况，分配名额，录入成绩。' },
  { id: 'admin-import', title: '数据导入', hint: '导入驾驶证、机动车、违法记录和学员信息，查看未导入的行及原因。' },
  { id: 'admin-stats', title: '统计', hint: '事故处理量和审核用时、考试预约率、咨询回复用时、消息送达情况。' },
  { id: 'admin-accounts', title: '账号', hint: '管理工作人员账号和所属大队。' },
]

export default function AdminHomePage() {
  return (
    <StaffHome role="admin" title="管理后台">
      {SECTIONS.map((s) => (
        <View key={s.id} id={s.id} className="jg-card">
          <Text className="jg-subtitle">{s.title}</Text>
          <Text className="jg-hint">功能建设中。{s.hint}</Text>
        </View>
      ))}
    </StaffHome>
  )
}
