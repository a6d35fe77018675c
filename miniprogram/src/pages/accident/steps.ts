// The accident report as steps (安全 → 问答 → 拍照 → 双方 → 责任 → 核对 → 签字): which step comes next,
// how far a party may go, and where a page opens again after the driver left it. Pure functions over
// the case as the server sends it (the server's case is the truth where it exists) and over the
// report draft kept on the phone before the case exists. No Taro here, so it is tested on its own.
import type { EligibilityAnswers } from '@jiaoguan/contracts/schemas/accidents'
import type { EvidenceSlot, PartyRole } from '@jiaoguan/contracts/labels'

export const STEPS = ['safety', 'questions', 'photos', 'parties', 'liability', 'review', 'sign'] as const
export type StepKey = (typeof STEPS)[number]

export const STEP_LABELS: Record<StepKey, string> = {
  safety: '安全',
  questions: '问答',
  photos: '拍照',
  parties: '双方',
  liability: '责任',
  review: '核对',
  sign: '签字',
}

/** The steps of the case page (the case exists on the server from the photos on). */
export const CASE_STEPS = ['photos', 'parties', 'liability', 'review', 'sign'] as const
export type CaseStep = (typeof CASE_STEPS)[number]

export const stepIndex = (step: StepKey): number => STEPS.indexOf(step)

/** The step after `step`, or null after the last. */
export function nextStep(step: StepKey): StepKey | null {
  const i = stepIndex(step)
  return i >= 0 && i + 1 < STEPS.length ? STEPS[i + 1] : null
}

/** The step before `step`, or null before the first. */
export function previousStep(step: StepKey): StepKey | null {
  const i = stepIndex(step)
  return i > 0 ? STEPS[i - 1] : null
}

export const isCaseStep = (value: unknown): value is CaseStep => typeof value === 'string' && (CASE_STEPS as readonly string[]).includes(value)

// ---- the case page ----

/** What the steps read of a case (a subset of the API's AccidentCase). */
export interface StepCase {
  status: string
  actions: readonly string[]
  vehicleCount: 1 | 2
  myRole: PartyRole | null
  scenario: string | null
  missingSlots: readonly string[]
  parties: ReadonlyArray<{ role: PartyRole; complete: boolean; agreed: boolean | null }>
}

const mine = (c: StepCase) => c.parties.find((p) => p.role === c.myRole)

/** Every party the case needs has joined. */
export const allJoined = (c: StepCase) => c.parties.length >= c.vehicleCount

/** Whether a step's own work is done. */
export function stepDone(c: StepCase, step: CaseStep): boolean {
  const me = mine(c)
  switch (step) {
    case 'photos':
      return c.missingSlots.length === 0
    case 'parties':
      // The own details saved, and the other party is in the case (they fill theirs on their phone).
      return !!me?.complete && allJoined(c)
    case 'liability':
      return !!c.scenario
    case 'review':
      return readyToSign(c)
    case 'sign':
      return !!me && me.agreed !== null
  }
}

/** All the server asks for before a party may answer: photos, both parties' details, the scenario. */
export function readyToSign(c: StepCase): boolean {
  return c.missingSlots.length === 0 && allJoined(c) && c.parties.every((p) => p.complete) && !!c.scenario
}

/** What still stands between the case and the signatures, in the driver's words. */
export function missingForSignature(c: StepCase): string[] {
  const out: string[] = []
  if (c.missingSlots.length > 0) out.push(`还有 ${c.missingSlots.length} 张必拍照片没有上传`)
  const me = mine(c)
  if (!me?.complete) out.push('我方信息还没有填完')
  if (!allJoined(c)) out.push('对方还没有加入')
  else if (c.parties.some((p) => p.role !== c.myRole && !p.complete)) out.push('对方还没有填完信息')
  if (!c.scenario) out.push('还没有选择事故情形')
  return out
}

/**
 * The furthest step a party may open: the first whose work is not done (the review counts as done
 * when photos, details and scenario are), the signature when all are.
 */
export function furthestStep(c: StepCase): CaseStep {
  for (const step of ['photos', 'parties', 'liability'] as const) if (!stepDone(c, step)) return step
  return readyToSign(c) ? 'sign' : 'review'
}

export const mayOpen = (c: StepCase, step: CaseStep): boolean => CASE_STEPS.indexOf(step) <= CASE_STEPS.indexOf(furthestStep(c))

/**
 * How the case page shows a case: the steps while the party still has work in it, otherwise the case
 * as the parties see it once signed or submitted (photos, signatures, liability, what happens next).
 */
export function caseMode(c: StepCase): 'steps' | 'submitted' {
  const me = mine(c)
  const editable = c.actions.includes('UPLOAD_PHOTO') || c.actions.includes('EDIT_DETAILS') || c.actions.includes('ANSWER')
  if (!editable || !me) return 'submitted'
  return me.agreed === null ? 'steps' : 'submitted'
}

/**
 * Where the case page opens: the step the driver was on (kept on the phone) unless the case no longer
 * allows it (a photo the officer asked for again, details gone), then the furthest it allows.
 */
export function resumeStep(c: StepCase, stored: unknown): CaseStep {
  const furthest = furthestStep(c)
  if (isCaseStep(stored) && CASE_STEPS.indexOf(stored) <= CASE_STEPS.indexOf(furthest)) return stored
  return furthest
}

/** The step to show after the case changed under an open step (polling, a save): held back only when it is no longer allowed. */
export function clampStep(c: StepCase, step: CaseStep): CaseStep {
  return mayOpen(c, step) ? step : furthestStep(c)
}

// ---- photo slots relative to the viewer ----

/**
 * The slots name the cars from the reporter's side: OWN_* is party A's car, OTHER_* party B's. A
 * party sees 本车 and 对方 from their own side, so for B the pairs swap.
 */
const SWAPPED: Partial<Record<EvidenceSlot, EvidenceSlot>> = {
  OWN_DAMAGE: 'OTHER_DAMAGE',
  OTHER_DAMAGE: 'OWN_DAMAGE',
  OWN_PLATE: 'OTHER_PLATE',
  OTHER_PLATE: 'OWN_PLATE',
}

/** The stored slot behind the tile a viewer of `role` sees as `tile` (and the other way round). */
export function slotFor(tile: EvidenceSlot, role: PartyRole | null): EvidenceSlot {
  return role === 'B' ? SWAPPED[tile] ?? tile : tile
}

// ---- the report draft (before the case exists) ----

export type ReportScreen = 'safety' | 'questions' | 'place'

export interface ReportDraft {
  screen: ReportScreen
  /** The question shown when the screen is 'questions'. */
  question: number
  /** Answers so far: true = 有 (the problem is there), false = 没有. */
  answers: Record<string, boolean>
  address: string
  unit: string
  weather: string
  vehicles: 1 | 2
}

export const EMPTY_DRAFT: ReportDraft = { screen: 'safety', question: 0, answers: {}, address: '', unit: '', weather: '晴', vehicles: 2 }

/** The draft kept on the phone, read back defensively (an old or broken value gives a fresh start). */
export function restoreDraft(raw: unknown, questionCount: number): ReportDraft {
  if (!raw || typeof raw !== 'object') return { ...EMPTY_DRAFT }
  const r = raw as Record<string, unknown>
  const screen: ReportScreen = r.screen === 'questions' || r.screen === 'place' ? r.screen : 'safety'
  const question = typeof r.question === 'number' && Number.isInteger(r.question) && r.question >= 0 && r.question < questionCount ? r.question : 0
  const answers: Record<string, boolean> = {}
  if (r.answers && typeof r.answers === 'object') {
    for (const [k, v] of Object.entries(r.answers as Record<string, unknown>)) if (typeof v === 'boolean') answers[k] = v
  }
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '')
  return {
    screen,
    question,
    answers,
    address: text(r.address, 100),
    unit: text(r.unit, 32),
    weather: text(r.weather, 16) || '晴',
    vehicles: r.vehicles === 1 ? 1 : 2,
  }
}

export interface Question {
  key: keyof EligibilityAnswers
  /** Asked so that 没有 is always the safe answer. */
  text: string
  /** The eligibility value when the driver answers 有. */
  whenYes: boolean
  stopReason: string
}

/** The answers as the server wants them (a question not answered counts on the safe side). */
export function eligibilityFrom(questions: readonly Question[], answers: Record<string, boolean>, onExpressway: boolean): EligibilityAnswers {
  const out: Record<string, boolean> = {}
  for (const q of questions) {
    const problem = answers[q.key] === true
    out[q.key] = problem ? q.whenYes : !q.whenYes
  }
  return {
    injuries: false,
    impaired: false,
    licencesValid: true,
    insured: true,
    vehiclesDrivable: true,
    ...out,
    onExpressway,
  } as EligibilityAnswers
}

/** After answering question `index`: the stop screen when 有, the next question, or the place when all are done. */
export function afterAnswer(
  questions: readonly Question[],
  draft: ReportDraft,
  index: number,
  problem: boolean,
): { draft: ReportDraft; stop: string | null } {
  const q = questions[index]
  const answers = { ...draft.answers, [q.key]: problem }
  if (problem) return { draft: { ...draft, answers, screen: 'questions', question: index }, stop: q.stopReason }
  if (index + 1 < questions.length) return { draft: { ...draft, answers, screen: 'questions', question: index + 1 }, stop: null }
  return { draft: { ...draft, answers, screen: 'place', question: index }, stop: null }
}

/** Which of the seven steps the report page is on (the place belongs to the questions). */
export const reportStep = (screen: ReportScreen): StepKey => (screen === 'safety' ? 'safety' : 'questions')

// ---- scenarios ----

/** The scenarios that fit the case: a two-car case has no 单车事故, a one-car case only that. */
export function scenariosFor<S extends { code: string }>(vehicleCount: 1 | 2, list: readonly S[]): S[] {
  return vehicleCount === 1 ? list.filter((s) => s.code === 'SINGLE_VEHICLE') : list.filter((s) => s.code !== 'SINGLE_VEHICLE')
}
