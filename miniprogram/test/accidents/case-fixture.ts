// A case as the server sends it (two vehicles, waiting for the other party), for the page tests to vary.
export const baseCase = {
  id: 7,
  caseNumber: 'SG20261127123456',
  status: 'WAITING_FOR_PARTY',
  statusText: '待对方加入',
  // What the server's case machine lets the reporter do while waiting for the other party.
  actions: ['SHOW_INVITE', 'EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'CANCEL'],
  unit: { code: 'tengzhou', name: '滕州' },
  occurredAt: '2026-11-27T01:00:00.000Z',
  location: { latitude: 35.1, longitude: 117.17, address: '善国北路' },
  weather: '晴',
  vehicleCount: 2,
  myRole: 'A',
  inviteCode: '123456',
  inviteExpiresAt: '2026-11-27T01:30:00.000Z',
  scenario: null,
  scenarioName: null,
  atFault: null,
  liability: null,
  disputed: false,
  missingSlots: ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'],
  decision: null,
  document: null,
  expiresAt: null,
  parties: [{ role: 'A', plate: null, driverName: null, licenceNumber: null, phone: null, insurer: null, policyNumber: null, collisionPart: null, complete: false, agreed: null, signed: false, signatureFileId: null }],
  photos: [],
  claims: [],
  events: [{ type: 'CREATED', actor: 'A', at: '2026-11-27T01:00:00.000Z', from: null, to: 'DRAFT' }],
}

/** The officer's actions on a case under review. */
export const REVIEW_ACTIONS = ['CONFIRM', 'RETURN', 'TRANSFER']
