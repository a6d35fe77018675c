// What the admin console is shown of a staff account, one shape for every staff route.
import { z } from 'zod';
import { wireTime } from '../../lib/wire';

export const staffSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  createdAt: true,
  unit: { select: { code: true, name: true } },
} as const;

export const toStaffView = <T extends { role: string }>(s: T) => ({ ...s, role: s.role.toLowerCase() });

export const unitView = z.object({ code: z.string(), name: z.string() });

export const staffView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['officer', 'agent', 'admin']),
  active: z.boolean(),
  createdAt: wireTime,
  unit: unitView.nullable(),
});
