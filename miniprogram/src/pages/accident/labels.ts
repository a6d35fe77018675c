// Words the accident pages show: photo slots with their sample pictures and captions, questions, event names.
import { formatShortDateTime } from '@jiaoguan/contracts/time'
import type { PartyRole, Slot } from '@/api/accidents'
import type { SlotGuide } from '@/components/PhotoSlot'
import { sampleUrl, type SampleSlot } from './slot-samples'
import { slotFor, type Question } from './steps'

export type { Question }

const GUIDES: (Omit<SlotGuide, 'slot' | 'sample'> & { slot: SampleSlot })[] = [
  { slot: 'OVERVIEW_FRONT', title: '前方全景', guide: '站在车辆前方3至5米，拍下两车位置、号牌和道路标线', required: true },
  { slot: 'OVERVIEW_REAR', title: '后方全景', guide: '站在车辆后方3至5米，拍下两车位置、号牌和道路标线', required: true },
  { slot: 'COLLISION_POINT', title: '碰撞部位', guide: '近距离拍下两车接触的部位', required: true },
  { slot: 'OWN_DAMAGE', title: '本车损失', guide: '拍下本车受损的地方' },
  { slot: 'OTHER_DAMAGE', title: '对方车损', guide: '拍下对方车辆受损的地方' },
  { slot: 'OWN_PLATE', title: '本车号牌', guide: '正面拍清本车号牌' },
  { slot: 'OTHER_PLATE', title: '对方号牌', guide: '正面拍清对方号牌' },
  { slot: 'EXTRA', title: '补充照片', guide: '其他能说明情况的照片，如路口的交通标志' },
]

/** The guided photo slots, each with its sample picture. */
export const SLOT_GUIDES: SlotGuide[] = GUIDES.map((g) => ({ ...g, sample: sampleUrl(g.slot) }))

export const SLOT_TITLES: Record<Slot, string> = {
  ...(Object.fromEntries(SLOT_GUIDES.map((g) => [g.slot, g.title])) as Record<Slot, string>),
  SIGNATURE: '签名',
}

/** The guides as a party sees them: 本车 is their own car, and each tile stores into the slot behind it. */
export function guidesFor(role: PartyRole | null): SlotGuide[] {
  return SLOT_GUIDES.map((g) => ({ ...g, slot: slotFor(g.slot, role) }))
}

/** A slot's title from the viewer's side (for B, OWN_DAMAGE is 对方车损). */
export function slotTitleFor(slot: Slot, role: PartyRole | null): string {
  return SLOT_TITLES[slotFor(slot, role)]
}

/** The questions of the check (DOMAIN.md A2), each asked so that 没有 is the safe answer. */
export const QUESTIONS: Question[] = [
  { key: 'injuries', text: '有没有人受伤？', whenYes: true, stopReason: '有人员受伤，不能自行协商。请立即拨打122报警并保护现场。' },
  { key: 'impaired', text: '有没有驾驶人饮酒或服用过药物？', whenYes: true, stopReason: '有驾驶人可能饮酒或服药，请立即拨打122报警。' },
  { key: 'dangerousGoods', text: '有没有车辆装载危险物品（易燃、易爆、有毒等）？', whenYes: true, stopReason: '车辆载有危险物品，请远离车辆并立即拨打122报警。' },
  { key: 'licencesValid', text: '有没有驾驶人的驾驶证无效，或准驾车型不符？', whenYes: false, stopReason: '有驾驶人没有有效驾驶证，请拨打122报警。' },
  { key: 'platesValid', text: '有没有车辆没有正式号牌？', whenYes: false, stopReason: '有车辆没有正式号牌，请拨打122报警。' },
  { key: 'insured', text: '有没有车辆没买交强险？', whenYes: false, stopReason: '有车辆没有交强险，请拍照后撤离现场，再拨打122报警。' },
  { key: 'vehiclesDrivable', text: '有没有车辆开不动了？', whenYes: false, stopReason: '车辆无法移动，请打开危险报警闪光灯、放好警告标志，拨打122报警。' },
  { key: 'facilitiesDamaged', text: '有没有撞坏护栏、路灯等公共设施或建筑物？', whenYes: true, stopReason: '损坏了公共设施，请拍照后撤离现场，再拨打122报警。' },
]

export const EVENT_TEXT: Record<string, string> = {
  CREATED: '报案',
  INVITE_OPENED: '等待对方加入',
  NEGOTIATION_STARTED: '开始协商',
  PARTY_JOINED: '对方已加入',
  DETAILS_UPDATED: '填写了车辆和驾驶人信息',
  PHOTO_ADDED: '上传了照片',
  PHOTO_REMOVED: '删除了一张照片',
  SIGNATURE_UPLOADED: '签了名',
  LIABILITY_SET: '选择了事故情形和责任',
  AGREED: '同意协商结果',
  DISPUTED: '对结果有争议',
  SUBMITTED: '提交民警审核',
  RESUBMITTED: '补充后重新提交',
  CONFIRMED: '民警已确认',
  RETURNED: '民警退回补充',
  TRANSFERRED: '转现场处理',
  CANCELLED: '已撤销',
  EXPIRED: '超时自动关闭',
  REVIEW_OVERDUE: '审核超时，已再次提醒民警',
  HANDED_OVER: '移交其他大队审核',
}

export const ACTOR_TEXT: Record<string, string> = { A: '甲方', B: '乙方', officer: '民警', system: '系统' }

export const WEATHERS = ['晴', '阴', '雨', '雪', '雾']

/** Asia/Shanghai wall-clock time for an ISO timestamp: 11月27日 09:30. */
export function shanghai(iso: string | null | undefined): string {
  return iso ? formatShortDateTime(iso) : ''
}

export function statusTagClass(status: string): string {
  if (status === 'CONFIRMED') return 'jg-tag jg-tag-ok'
  if (['RETURNED', 'TRANSFERRED', 'EXPIRED', 'CANCELLED'].includes(status)) return 'jg-tag jg-tag-warn'
  return 'jg-tag'
}
