// The QR code of a case's invitation: the other driver scans it to open the join page with the
// code filled in (the 6-digit code still works on its own).
import { accidentJoinLink } from '@jiaoguan/contracts/pages';
import QRCode from 'qrcode';
import type { AppDeps } from '../../deps';
import type { Caller } from '../../http/auth';
import { invalidState, loadCase, partyOf, requireStatus } from './case-store';

type DriverCaller = Extract<Caller, { kind: 'driver' }>;

export function joinUrl(origin: string, code: string): string {
  return `${origin}/#${accidentJoinLink(code)}`;
}

export async function inviteQr(deps: AppDeps, caller: DriverCaller, caseId: number, origin: string) {
  const c = await loadCase(deps.db, caseId);
  partyOf(c, caller.id);
  requireStatus(c!, ['WAITING_FOR_PARTY'], '对方已加入或事故已结束，不需要再邀请');
  if (!c!.inviteCode || !c!.inviteExpiresAt || c!.inviteExpiresAt <= new Date()) {
    throw invalidState(c!.status, '邀请码已过期，请重新上报');
  }
  const url = joinUrl(origin, c!.inviteCode);
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return {
    inviteCode: c!.inviteCode,
    inviteExpiresAt: c!.inviteExpiresAt,
    joinUrl: url,
    image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}
