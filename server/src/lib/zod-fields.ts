// Reusable zod fields for the domain's formats, with Chinese messages for the user.
import { z } from 'zod';
import { ID_NUMBER_MESSAGES, idNumberProblem, normaliseIdNumber } from '@jiaoguan/contracts/id-number';

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
