// Request and response types of the HTTP API (see the HTTP contract), shared by all pages.

export type StaffRole = 'officer' | 'agent' | 'admin'
export type Role = 'driver' | StaffRole

/** Record ids as the server sends them. */
export type Id = number | string

export interface Unit {
  code: string
  name: string
}

/** Error body returned by the server for every failed request. */
export interface ApiErrorBody {
  error: {
    code: string
    message: string
    details?: unknown
  }
}

export interface WechatLoginRequest {
  code: string
}

export interface WechatLoginResponse {
  token: string
  user: { id: Id; role: 'driver' }
}

export interface StaffLoginRequest {
  username: string
  password: string
}

export interface StaffUser {
  id: Id
  role: StaffRole
  username: string
  displayName: string
  unit: Unit | null
}

export interface StaffLoginResponse {
  token: string
  user: StaffUser
}

export interface LogoutResponse {
  ok: true
}

export interface DriverIdentity {
  bound: boolean
  name?: string
  /** Masked, e.g. 370402********1234. */
  idNumber?: string
}

export interface DriverMe {
  id: Id
  role: 'driver'
  nickname?: string | null
  identity: DriverIdentity
}

export interface StaffMe extends StaffUser {}

export type Me = DriverMe | StaffMe

export interface BindIdentityRequest {
  idNumber: string
  name: string
}

export function isStaff(me: Me): me is StaffMe {
  return me.role !== 'driver'
}
