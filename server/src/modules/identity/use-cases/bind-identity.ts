// Binds a driver to the licence and learner records of an ID number (check character verified by
// the route's schema). The binding must be proven by what the records hold: the phone WeChat
// vouches for (getPhoneNumber code) or the licence's file number. A wrong name, a wrong proof and
// an ID number with no records get one and the same answer, and every attempt is counted, per
// driver and per ID number, before any record is read.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { AppError, conflict, ruleSaysNo } from '../../../http/errors';
import { audit } from '../../../lib/audit';
import { isUniqueViolation } from '../../../lib/db-errors';
import { maskIdNumber } from '../../../lib/mask';
import { consumeAll, refundAll, waitText, type Counted } from '../../../lib/rate-limit';
import { WechatError } from '../../../wechat/errors';
import { recordsOf, type RecordsOfIdNumber } from '../records';
import { describeCaller } from './describe-caller';

export interface BindIdentityInput {
  caller: Extract<Caller, { kind: 'driver' }>;
  idNumber: string;
  name: string;
  phoneCode?: string;
  fileNumber?: string;
  ip?: string;
}

const notVerified = () =>
  ruleSaysNo('IDENTITY_NOT_VERIFIED', 'NOT_VERIFIED', '身份信息核对不上：请检查姓名、身份证号，以及手机号或档案编号是否与登记的一致');

export async function bindIdentity(deps: Pick<AppDeps, 'db' | 'config' | 'limits' | 'wechat'>, input: BindIdentityInput) {
  const { caller, ip } = input;
  const current = await deps.db.driver.findUniqueOrThrow({ where: { id: caller.id }, select: { idNumber: true } });
  if (current.idNumber === input.idNumber) return describeCaller(deps, { caller });
  if (current.idNumber) {
    throw conflict('IDENTITY_ALREADY_BOUND', '您的微信已绑定其他身份证号码，请先在“我的”中解除绑定');
  }
  const { maxFailures, windowMs } = deps.config.identityThrottle;
  const rule = { points: maxFailures, windowMs };
  const counted: Counted[] = [
    { limiter: deps.limits.limiter('identity-driver', rule), key: String(caller.id) },
    { limiter: deps.limits.limiter('identity-number', rule), key: input.idNumber },
  ];
  await consumeAll(counted, (wait) => `身份核对失败次数过多，请${waitText(wait)}后再试`);

  let proof: 'phone' | 'fileNumber';
  try {
    const records = await recordsOf(deps, input.idNumber);
    proof = await provenBy(deps, records, input);
  } catch (err) {
    // WeChat not answering is not the driver's failure: the attempt is given back.
    if (!(err instanceof AppError) || err.code !== 'IDENTITY_NOT_VERIFIED') await refundAll(counted);
    throw err;
  }
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.driver.update({
        where: { id: caller.id },
        data: { idNumber: input.idNumber, realName: input.name, identityBoundAt: new Date() },
        select: { id: true },
      });
      await audit(tx, {
        actor: { type: 'DRIVER', id: caller.id },
        action: 'driver.identity_bound',
        entityType: 'Driver',
        entityId: caller.id,
        details: { idNumber: maskIdNumber(input.idNumber), proof },
        ip,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      await refundAll(counted);
      throw conflict('IDENTITY_TAKEN', '该身份证号码已绑定其他微信账号。如果不是您本人绑定的，请联系客服核实后解除');
    }
    throw err;
  }
  await refundAll(counted);
  return describeCaller(deps, { caller });
}

/** Which proof the records accept, or the one refusal for every mismatch. */
async function provenBy(
  deps: Pick<AppDeps, 'wechat'>,
  records: RecordsOfIdNumber,
  input: BindIdentityInput,
): Promise<'phone' | 'fileNumber'> {
  if (records.names.length === 0 || records.names.some((n) => n !== input.name)) throw notVerified();
  if (input.fileNumber !== undefined && records.fileNumber !== null && input.fileNumber === records.fileNumber) return 'fileNumber';
  if (input.phoneCode !== undefined) {
    const phone = await phoneBehind(deps, input.phoneCode);
    if (phone !== null && records.phones.includes(phone)) return 'phone';
  }
  throw notVerified();
}

/** The phone number WeChat vouches for behind the code; null for a code WeChat refuses. */
async function phoneBehind(deps: Pick<AppDeps, 'wechat'>, code: string): Promise<string | null> {
  if (!deps.wechat.getPhoneNumber) throw new AppError(503, 'WECHAT_UNAVAILABLE', '暂时无法获取微信手机号，请改用档案编号验证');
  try {
    return (await deps.wechat.getPhoneNumber(code)).phone;
  } catch (err) {
    // 40029: a bad, used or expired code. Anything else means WeChat could not answer now.
    if (err instanceof WechatError && err.errcode === 40029) return null;
    throw new AppError(503, 'WECHAT_UNAVAILABLE', '暂时无法获取微信手机号，请稍后再试或改用档案编号验证');
  }
}
