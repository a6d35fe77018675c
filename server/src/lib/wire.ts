// Response-schema fields for values as they go on the wire: the contract's (a Date is sent as an ISO string).
export { isoTime as wireTime, isoTimeOrNull as wireTimeOrNull } from '@jiaoguan/contracts/schemas/common';
