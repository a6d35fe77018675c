// GET /api/accidents/:id/invite-qr: the invitation as a QR code of the join link (SHOW_INVITE); the
// other driver scans it to open the join page with the code filled in (the 6-digit code works alone).
import { accidentJoinLink } from '@jiaoguan/contracts/pages';
import QRCode from 'qrcode';
import type { AppDeps } from '../../../deps';
import { invalidState, requireAction } from '../case-machine';
import { asParty, type DriverCaller } from '../callers';
import { loadCase } from '../case-store';

export interface ShowInviteInput {
  caller: DriverCaller;
  id: number;
  /** Where the app is served, for the link. */
  origin: string;
}

export function joinUrl(origin: string, code: string): string {
  return `${origin}/#${accidentJoinLink(code)}`;
}

export async function showInvite(deps: AppDeps, input: ShowInviteInput) {
  const { c, role } = asParty(await loadCase(deps.db, input.id), input.caller);
  requireAction('SHOW_INVITE', c.status, role);
  if (!c.inviteCode || !c.inviteExpiresAt || c.inviteExpiresAt <= new Date()) {
    throw invalidState(c.status, '邀请码已过期，请重新上报');
  }
  const url = joinUrl(input.origin, c.inviteCode);
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return {
    inviteCode: c.inviteCode,
    inviteExpiresAt: c.inviteExpiresAt,
    joinUrl: url,
    image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}
