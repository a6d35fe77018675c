// One plate grammar for the accident report, the record import and the mini-program: the page must
// accept exactly what the server accepts (or a driver is told a good plate is wrong, or sent a 400),
// and a plate the import accepts must be one a driver can report an accident with.
import { isValidPlate, plateKind } from '../../../miniprogram/src/utils/plate';
import { isNewEnergy, plateKind as reportPlateKind } from '@jiaoguan/contracts/plate';
import { partyDetails } from '@jiaoguan/contracts/schemas/accidents';
import { validateRow } from '../../src/modules/inquiries/import-rows';

const PROVINCES = [...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领'];
const CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789挂学警港澳'];

/** A small deterministic generator, so a failure can be replayed. */
function* plates(count: number): Generator<string> {
  let state = 20260101;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2_147_483_648;
    return state % n;
  };
  const shapes = ['ordinary', 'nevSmall', 'nevLarge', 'any'] as const;
  for (let i = 0; i < count; i++) {
    const province = PROVINCES[next(PROVINCES.length)];
    const shape = shapes[next(shapes.length)];
    let serial = '';
    if (shape === 'nevSmall') serial = 'D' + 'ABCDEFGHJKLM'[next(12)] + CHARS[next(CHARS.length)] + String(next(10_000)).padStart(4, '0');
    else if (shape === 'nevLarge') serial = 'D' + String(next(100_000)).padStart(5, '0') + 'DFGK'[next(4)];
    else {
      const length = shape === 'ordinary' ? 6 : 4 + next(5);
      for (let k = 0; k < length; k++) serial += CHARS[next(k < 5 ? 36 : CHARS.length)];
    }
    yield province + serial;
  }
}

/** Whether the record import takes a violation of this plate (every other field valid). */
/** What the accident report's party details make of a plate (the route validates with this schema). */
function parsePlate(plate: string): { plate: string; newEnergy: boolean } | null {
  const parsed = partyDetails.shape.plate.safeParse(plate);
  return parsed.success ? { plate: parsed.data, newEnergy: isNewEnergy(reportPlateKind(parsed.data)) } : null;
}

function importAccepts(plate: string): boolean {
  const row = { plate, occurredAt: '2026-01-05 08:30', place: '光明大道', code: '1345', description: '违反禁令标志', fineFen: '20000', points: '3', status: 'PAID' };
  return 'row' in validateRow('violations', row);
}

describe('client and server plate rules', () => {
  it('agree on a few thousand plates, valid and not', () => {
    let valid = 0;
    for (const plate of plates(5000)) {
      const server = parsePlate(plate);
      expect({ plate, client: isValidPlate(plate), import: importAccepts(plate) }).toEqual({ plate, client: server !== null, import: server !== null });
      if (server) {
        valid += 1;
        expect({ plate, newEnergy: plateKind(plate) !== 'ORDINARY' }).toEqual({ plate, newEnergy: server.newEnergy });
      }
    }
    // Enough of both kinds for the comparison to mean something.
    expect(valid).toBeGreaterThan(500);
    expect(valid).toBeLessThan(4500);
  });

  it('agree on the examples of DOMAIN.md', () => {
    for (const plate of ['鲁D12345', '粤BD12345', '京AA12345', '甘G23459F', '鲁D1234学']) {
      expect(isValidPlate(plate)).toBe(true);
      expect(parsePlate(plate)?.plate).toBe(plate);
      expect(importAccepts(plate)).toBe(true);
    }
  });

  it('end a large new-energy plate only in D or F, everywhere', () => {
    for (const plate of ['鲁D12345A', '鲁D12345K', '鲁D12345G']) {
      expect({ plate, client: isValidPlate(plate), report: parsePlate(plate), import: importAccepts(plate) }).toEqual({ plate, client: false, report: null, import: false });
    }
  });
});
