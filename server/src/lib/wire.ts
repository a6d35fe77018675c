// Response-schema fields for values as they go on the wire (a Date is sent as an ISO string).
import { z } from 'zod';

export const wireTime = z.iso.datetime({ offset: true });
export const wireTimeOrNull = wireTime.nullable();
