// The accident report's step logic (pages/accident/steps.ts): the order of the steps, how far a party
// may go, where the page opens again, the report draft read back, the slots seen from either side.
import {
  afterAnswer,
  caseMode,
  clampStep,
  EMPTY_DRAFT,
  eligibilityFrom,
  furthestStep,
  missingForSignature,
  mayOpen,
  nextStep,
  previousStep,
  readyToSign,
  reportStep,
  restoreDraft,
  resumeStep,
  scenariosFor,
  slotFor,
  STEPS,
  type Question,
  type ReportDraft,
  type StepCase,
} from '@/pages/accident/steps'
import { QUESTIONS } from '@/pages/accident/labels'

const party = (role: 'A' | 'B', over: Partial<StepCase['parties'][number]> = {}) => ({ role, complete: false, agreed: null, ...over })
const base: StepCase = {
  status: 'NEGOTIATING',
  actions: ['EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'ANSWER', 'CANCEL'],
  vehicleCount: 2,
  myRole: 'A',
  scenario: null,
  missingSlots: ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'],
  parties: [party('A'), party('B')],
}
const photosDone = { ...base, missingSlots: [] }
const detailsDone = { ...photosDone, parties: [party('A', { complete: true }), party('B', { complete: true })] }
const allDone = { ...detailsDone, scenario: 'REAR_END' }

describe('the order of the steps', () => {
  it('runs 安全 → 问答 → 拍照 → 双方 → 责任 → 核对 → 签字, each with one next and one previous', () => {
    expect(STEPS).toEqual(['safety', 'questions', 'photos', 'parties', 'liability', 'review', 'sign'])
    expect(nextStep('safety')).toBe('questions')
    expect(nextStep('liability')).toBe('review')
    expect(nextStep('sign')).toBeNull()
    expect(previousStep('photos')).toBe('questions')
    expect(previousStep('safety')).toBeNull()
  })
})

describe('how far a party may go', () => {
  it('stops at the first step whose work is missing', () => {
    expect(furthestStep(base)).toBe('photos')
    expect(furthestStep(photosDone)).toBe('parties')
    expect(furthestStep({ ...photosDone, parties: [party('A', { complete: true }), party('B')] })).toBe('liability')
    expect(furthestStep(allDone)).toBe('sign')
  })

  it('keeps the reporter of a two-car case at 双方 until the other party has joined', () => {
    const alone = { ...photosDone, parties: [party('A', { complete: true })] }
    expect(furthestStep(alone)).toBe('parties')
    expect(mayOpen(alone, 'liability')).toBe(false)
    expect(missingForSignature({ ...alone, scenario: 'REAR_END' })).toEqual(['对方还没有加入'])
  })

  it('lets a one-car case through with one party', () => {
    const single = { ...photosDone, vehicleCount: 1 as const, parties: [party('A', { complete: true })], scenario: 'SINGLE_VEHICLE' }
    expect(readyToSign(single)).toBe(true)
    expect(furthestStep(single)).toBe('sign')
  })

  it('holds the signature back while the other party has not filled in their details', () => {
    const waiting = { ...allDone, parties: [party('A', { complete: true }), party('B')] }
    expect(readyToSign(waiting)).toBe(false)
    expect(furthestStep(waiting)).toBe('review')
    expect(missingForSignature(waiting)).toEqual(['对方还没有填完信息'])
    expect(mayOpen(waiting, 'sign')).toBe(false)
  })
})

describe('where the page opens again', () => {
  it('returns to the step the driver was on', () => {
    expect(resumeStep(allDone, 'liability')).toBe('liability')
    expect(resumeStep(allDone, 'review')).toBe('review')
  })

  it('opens the furthest allowed step when nothing (or nonsense) was kept', () => {
    expect(resumeStep(photosDone, undefined)).toBe('parties')
    expect(resumeStep(photosDone, 'nonsense')).toBe('parties')
    expect(resumeStep(photosDone, 'safety')).toBe('parties')
  })

  it('follows the server when the kept step is no longer allowed (a required photo is missing again)', () => {
    const returned = { ...allDone, status: 'RETURNED', missingSlots: ['COLLISION_POINT'] }
    expect(resumeStep(returned, 'sign')).toBe('photos')
    expect(clampStep(returned, 'review')).toBe('photos')
    expect(clampStep(allDone, 'parties')).toBe('parties')
  })

  it('shows the case itself once the party has signed or nothing is left to do', () => {
    expect(caseMode(base)).toBe('steps')
    expect(caseMode({ ...allDone, parties: [party('A', { complete: true, agreed: true }), party('B', { complete: true })] })).toBe('submitted')
    expect(caseMode({ ...allDone, status: 'PENDING_REVIEW', actions: [] })).toBe('submitted')
    // A returned case whose answers were cleared goes back to the steps.
    expect(caseMode({ ...allDone, status: 'RETURNED' })).toBe('steps')
  })
})

describe('the report draft', () => {
  it('reads back what was kept, and starts afresh from anything broken', () => {
    const kept = { screen: 'place', question: 7, answers: { injuries: false, x: 'y' }, address: '善国北路', unit: 'tengzhou', weather: '雨', vehicles: 1 }
    expect(restoreDraft(kept, 8)).toEqual({ screen: 'place', question: 7, answers: { injuries: false }, address: '善国北路', unit: 'tengzhou', weather: '雨', vehicles: 1 })
    expect(restoreDraft('', 8)).toEqual(EMPTY_DRAFT)
    expect(restoreDraft({ screen: 'elsewhere', question: 99, vehicles: 3 }, 8)).toEqual(EMPTY_DRAFT)
    expect(reportStep('place')).toBe('questions')
    expect(reportStep('safety')).toBe('safety')
  })

  it('goes question by question, stops on 有, and reaches the place after the last', () => {
    let draft: ReportDraft = { ...EMPTY_DRAFT, screen: 'questions' }
    const stop = afterAnswer(QUESTIONS, draft, 0, true)
    expect(stop.stop).toContain('122')
    expect(stop.draft.question).toBe(0)
    for (let i = 0; i < QUESTIONS.length; i++) {
      const r = afterAnswer(QUESTIONS, draft, i, false)
      expect(r.stop).toBeNull()
      draft = r.draft
    }
    expect(draft.screen).toBe('place')
  })

  it('asks every question so that 没有 is the safe answer', () => {
    for (const q of QUESTIONS) expect(q.text).toMatch(/有没有/)
    const safe = eligibilityFrom(QUESTIONS, Object.fromEntries(QUESTIONS.map((q) => [q.key, false])), false)
    expect(safe).toMatchObject({ injuries: false, impaired: false, licencesValid: true, platesValid: true, insured: true, vehiclesDrivable: true, facilitiesDamaged: false, onExpressway: false })
    const noInsurance = eligibilityFrom(QUESTIONS, { insured: true }, false)
    expect(noInsurance.insured).toBe(false)
  })

  it('counts an unanswered question on the safe side', () => {
    const qs: Question[] = [{ key: 'licencesValid', text: '有没有驾驶人没有有效驾驶证？', whenYes: false, stopReason: '' }]
    expect(eligibilityFrom(qs, {}, true)).toMatchObject({ licencesValid: true, onExpressway: true })
  })
})

describe('slots and scenarios from the viewer', () => {
  it('swaps 本车 and 对方 for the second party', () => {
    expect(slotFor('OWN_DAMAGE', 'A')).toBe('OWN_DAMAGE')
    expect(slotFor('OWN_DAMAGE', 'B')).toBe('OTHER_DAMAGE')
    expect(slotFor('OTHER_PLATE', 'B')).toBe('OWN_PLATE')
    expect(slotFor('COLLISION_POINT', 'B')).toBe('COLLISION_POINT')
  })

  it('offers no 单车事故 in a two-car case and only that in a one-car case', () => {
    const list = [{ code: 'REAR_END' }, { code: 'SINGLE_VEHICLE' }, { code: 'BOTH_AT_FAULT' }]
    expect(scenariosFor(2, list).map((s) => s.code)).toEqual(['REAR_END', 'BOTH_AT_FAULT'])
    expect(scenariosFor(1, list).map((s) => s.code)).toEqual(['SINGLE_VEHICLE'])
  })
})
