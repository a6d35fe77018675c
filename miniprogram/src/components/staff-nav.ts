// The staff console's side navigation (PC layout, ≥ 1024 px), one line per page and role. A page
// added to the console is one line here; a page not built yet is left out, not linked.
import { PAGES } from '@jiaoguan/contracts/pages'
import type { StaffRole } from '@/api/types'

export interface StaffNavItem {
  label: string
  page: string
}

export const STAFF_NAV: Record<StaffRole, readonly StaffNavItem[]> = {
  officer: [
    { label: '待审核', page: PAGES.officerHome },
    { label: '理赔转交', page: PAGES.adminClaims },
    { label: '统计', page: PAGES.stats },
  ],
  agent: [
    { label: '咨询队列', page: PAGES.agentHome },
    { label: '常用回复与FAQ', page: PAGES.agentFaq },
  ],
  admin: [
    { label: '工作台', page: PAGES.adminHome },
    { label: '考试场次', page: PAGES.adminExams },
    { label: '导入', page: PAGES.adminImport },
    { label: '账号', page: PAGES.adminStaff },
    { label: '大队设置', page: PAGES.adminUnits },
    { label: '送达', page: PAGES.adminDelivery },
    { label: '理赔转交', page: PAGES.adminClaims },
    { label: '操作记录', page: PAGES.adminAudit },
    { label: '统计', page: PAGES.stats },
  ],
  insurer: [{ label: '理赔案件', page: PAGES.insurerHome }],
}
