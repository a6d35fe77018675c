// Request and response types of the HTTP API, derived from the shared contract's schemas
// (@jiaoguan/contracts/schemas): type-only imports, so no schema code reaches the app's bundle.
import type { Me, StaffMe } from '@jiaoguan/contracts/schemas/auth'

export type {
  BindIdentityRequest,
  DriverIdentity,
  DriverMe,
  LogoutResponse,
  Me,
  Role,
  StaffLoginRequest,
  StaffLoginResponse,
  StaffMe,
  StaffRole,
  StaffUser,
  WechatLoginRequest,
  WechatLoginResponse,
} from '@jiaoguan/contracts/schemas/auth'
export type { ErrorBody as ApiErrorBody, Page, Unit } from '@jiaoguan/contracts/schemas/common'

export function isStaff(me: Me): me is StaffMe {
  return me.role !== 'driver'
}
