// Display labels for roles and units.
import type { Role, StaffUser } from '@/api/types'

export const ROLE_LABELS: Record<Role, string> = {
  driver: '驾驶人',
  officer: '民警',
  agent: '客服',
  admin: '管理员',
  insurer: '保险公司',
}

/** A unit's display name, e.g. 滕州 → 滕州大队; staff without a unit belong to the detachment. */
export function unitLabel(user: Pick<StaffUser, 'unit'>): string {
  if (!user.unit) return '支队（全市）'
  return /(大队|支队)$/.test(user.unit.name) ? user.unit.name : `${user.unit.name}大队`
}
