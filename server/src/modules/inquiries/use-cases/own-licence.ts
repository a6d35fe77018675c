// The caller's own driving licence: points in the current cycle, validity, status in words and what to do.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import { maskFileNumber, maskIdNumber, maskPhone } from '../../../lib/mask';
import { LICENCE_CLASSES, LICENCE_STATUS, LICENCE_STATUS_ADVICE, splitLicenceClasses, splitStatus } from '../codes';
import { FULL_POINTS, currentPoints, daysUntil, pointsCycle } from '../rules';
import { SOON_DAYS, statusWords } from '../views';

/** Renewal may be applied for within 90 days before the licence expires. */
const RENEWAL_WINDOW_DAYS = 90;

export interface OwnLicenceInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  now?: Date;
}

export async function ownLicence(deps: Pick<AppDeps, 'db'>, input: OwnLicenceInput) {
  const { caller, now = new Date() } = input;
  if (!caller.idNumber) throw notFound('请先完成身份认证，再查询驾驶证');
  const licence = await deps.db.licence.findUnique({ where: { idNumber: caller.idNumber } });
  if (!licence) throw notFound('没有找到您名下的驾驶证');
  const points = currentPoints({ ...licence, pointsRecordedAt: licence.updatedAt }, now);
  const cycle = pointsCycle(licence.firstIssuedAt, now);
  const validDaysLeft = daysUntil(licence.validUntil, now);
  const letters = splitStatus(licence.status, LICENCE_STATUS) ?? [];
  const advice = letters.map((l) => LICENCE_STATUS_ADVICE[l]).filter((a): a is string => !!a);
  if (validDaysLeft < 0) advice.push('驾驶证已超过有效期，请尽快到车管所换证，期间不得驾驶');
  else if (validDaysLeft <= RENEWAL_WINDOW_DAYS) advice.push(`驾驶证将在${validDaysLeft}天后到期，现在可以申请换证`);
  if (points >= FULL_POINTS && !letters.includes('B')) advice.push('本周期记分已满12分，请到车管所参加满分学习和考试');
  else if (points >= 9 && points < FULL_POINTS) advice.push(`本周期已记${points}分，再记${FULL_POINTS - points}分将满分，请谨慎驾驶`);
  if (licence.nextMedicalCheckAt) {
    const medicalDays = daysUntil(licence.nextMedicalCheckAt, now);
    if (medicalDays < 0) advice.push('已超过体检期限，请尽快到医院体检并提交体检证明');
    else if (medicalDays <= SOON_DAYS) advice.push(`请在${medicalDays}天内提交体检证明`);
  }
  return {
    idNumber: maskIdNumber(licence.idNumber),
    name: licence.name,
    licenceClass: licence.licenceClass,
    licenceClassText: (splitLicenceClasses(licence.licenceClass) ?? []).map((c) => LICENCE_CLASSES[c]).join('、'),
    firstIssuedAt: licence.firstIssuedAt,
    validUntil: licence.validUntil,
    validDaysLeft,
    status: licence.status,
    statusText: statusWords(licence.status, LICENCE_STATUS).join('、') || '未知',
    points,
    fullPoints: FULL_POINTS,
    pointsCycle: cycle,
    nextMedicalCheckAt: licence.nextMedicalCheckAt,
    phone: maskPhone(licence.phone),
    fileNumber: maskFileNumber(licence.fileNumber),
    advice: advice.length ? advice : ['驾驶证状态正常，请继续安全驾驶'],
  };
}
