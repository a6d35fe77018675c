// PUT /api/accidents/:id/parties/me: the caller's own details (EDIT_DETAILS); changed terms withdraw the answers.
import type { AppDeps } from '../../../deps';
import { requireAcceptableText } from '../../../lib/text-check';
import { requireAction } from '../case-machine';
import { driverActor, type DriverCaller } from '../callers';
import { act } from '../case-store';
import type { partyDetails } from '@jiaoguan/contracts/schemas/accidents';
import type { z } from 'zod';
import { onLockedCase, requirePartyAction, resetAnswers } from '../party-action';
import { textCheckDetails } from './report-case';
import { partyInsurerText } from '../../insurers/directory';
import { viewPartyCase } from './view-party-case';

export interface SavePartyDetailsInput {
  caller: DriverCaller;
  id: number;
  details: z.output<typeof partyDetails>;
}

export async function savePartyDetails(deps: AppDeps, input: SavePartyDetailsInput) {
  const { caller, id, details } = input;
  // Strangers and closed cases are turned away before the text goes to WeChat.
  await requirePartyAction(deps, caller, id, 'EDIT_DETAILS');
  const textCheck = await requireAcceptableText(deps, caller.id, [details.insurer, details.vehicleType, details.collisionPart]);
  // A directory code (PICC) is kept as the company's name.
  const insurer = await partyInsurerText(deps.db, details.insurer);
  await onLockedCase(deps, caller, id, async (tx, c, me, role) => {
    const next = {
      plate: details.plate,
      plateType: details.plate.length === 8 ? '52' : '02',
      driverName: details.driverName,
      licenceNumber: details.licenceNumber,
      phone: details.phone,
      insurer,
      policyNumber: details.policyNumber ?? null,
      vehicleType: details.vehicleType ?? null,
      collisionPart: details.collisionPart ?? null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => me[k] !== next[k]);
    requireAction('EDIT_DETAILS', c.status, role);
    if (!changed) return;
    await tx.accidentParty.update({ where: { id: me.id }, data: next, select: { id: true } });
    const reset = await resetAnswers(tx, c);
    await act(tx, c, {
      action: 'EDIT_DETAILS',
      role,
      actor: driverActor(caller),
      details: { role: me.role, answersReset: reset, ...textCheckDetails(textCheck) },
    });
  });
  return viewPartyCase(deps, { caller, id });
}
