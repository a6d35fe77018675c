// Admin workbench (管理后台): entries to exam plans, the FAQ and canned replies, data import, notification delivery, statistics and the audit log.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StaffHome from '@/components/StaffHome'

const SECTIONS = [
  { id: 'admin-staff', title: '账号管理', hint: '新建民警、客服和管理员账号，停用或恢复账号，重置密码。', url: '/packages/admin/staff/index' },
  { id: 'admin-units', title: '大队设置', hint: '各大队的快处服务时间、高速公路事故、辖区位置和值班电话。', url: '/packages/admin/units/index' },
  { id: 'admin-exams', title: '考试计划', hint: '按月查看各考场的场次，发布、修改或取消场次，查看预约情况，分配名额，录入成绩。', url: '/packages/admin/exams/index' },
  { id: 'admin-faq', title: '常见问题与快捷回复', hint: '驾驶人咨询时先看到的常见问题答案，以及客服的快捷回复：新增、修改、删除。', url: '/packages/agent/faq/index' },
  { id: 'admin-import', title: '数据导入', hint: '导入驾驶证、机动车、违法记录，查看未导入的行及原因。', url: '/packages/admin/import/index' },
  { id: 'admin-delivery', title: '消息送达', hint: '微信消息的发送、失败、跳过和待发数量，以及失败原因。', url: '/packages/admin/delivery/index' },
  { id: 'admin-stats', title: '统计报表', hint: '各大队每天的事故案件和审核用时、咨询答复、约考名额和缺考、消息送达，附图表、数字表格和 CSV 下载。', url: '/packages/stats/index/index' },
  { id: 'admin-claims', title: '理赔转交', hint: '民警确认后转交保险公司的理赔：按保险公司和日期查看，导出全部符合条件的理赔表格。', url: '/packages/admin/claims/index' },
  { id: 'admin-audit', title: '操作记录', hint: '谁在什么时间查看、导出或修改了哪些记录，特别是个人信息的查看和导出。', url: '/packages/admin/audit/index' },
]

export default function AdminHomePage() {
  return (
    <StaffHome role="admin" title="管理后台">
      {SECTIONS.map((s) => (
        <View key={s.id} id={s.id} className="jg-card" onClick={() => void Taro.navigateTo({ url: s.url })}>
          <Text className="jg-subtitle">{s.title} ›</Text>
          <Text className="jg-hint">{s.hint}</Text>
        </View>
      ))}
    </StaffHome>
  )
}
