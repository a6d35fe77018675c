// Fields in the domain's formats, with the Chinese message a user reads when one is wrong. The
// server validates with them; the pages may check with them before sending.
import { z } from 'zod';
import { ID_NUMBER_MESSAGES, idNumberProblem, normaliseIdNumber } from './id-number';
import { normalisePlate, plateKind, PLATE_FORMAT_MESSAGE } from './plate';

export const idNumberField = z
  .string()
  .max(32)
  .transform(normaliseIdNumber)
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[problem], params: { reason: problem } });
  });

/** A person's name as on an ID card: Chinese (with the middle dot of minority names) or Latin letters. */
export const personNameField = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(32, '姓名太长了')
  .regex(/^[\p{Script=Han}·A-Za-z .]+$/u, '姓名只能包含汉字或字母');

/** A plate as typed (spaces, dots and case forgiven), answered normalised. */
export const plateField = z
  .string()
  .max(16)
  .transform((v, ctx) => {
    const plate = normalisePlate(v);
    if (!plateKind(plate)) {
      ctx.addIssue({ code: 'custom', message: PLATE_FORMAT_MESSAGE });
      return z.NEVER;
    }
    return plate;
  });

export const mobilePhoneField = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码');

/** 档案编号: the 12-digit file number printed on a driving licence. */
export const fileNumberField = z
  .string()
  .trim()
  .regex(/^\d{12}$/, '档案编号是12位数字，在驾驶证副页上');
