// Endpoints about the caller: profile and driver identity binding.
import { request } from './http'
import type { BindIdentityRequest, DriverMe, Me } from './types'

export function getMe(): Promise<Me> {
  return request<Me>('/api/me')
}

export function bindIdentity(body: BindIdentityRequest): Promise<DriverMe> {
  return request<DriverMe>('/api/me/identity', { method: 'POST', data: body })
}

/** Releases the caller's identity binding (and the vehicles bound through it). */
export function unbindIdentity(): Promise<DriverMe> {
  return request<DriverMe>('/api/me/identity', { method: 'DELETE' })
}
