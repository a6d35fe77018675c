// The coded liability scenarios (DOMAIN.md A4) and the liability levels of Art. 60.
import { LIABILITY_COUNTERPARTS, type LiabilityLevel } from '@jiaoguan/contracts/labels';
export type FaultSide = 'A' | 'B' | 'BOTH';

export interface Scenario {
  code: string;
  /** Short name shown on the picker and in the document (事故形态). */
  name: string;
  description: string;
  /** Who is at fault, in words: the party that did this. */
  atFault: string;
  /** ONE: one party bears full liability (全部/无); BOTH: equal liability (同等). */
  split: 'ONE' | 'BOTH';
}

export const SCENARIOS: readonly Scenario[] = [
  { code: 'REAR_END', name: '追尾', description: '追撞前方同车道行驶或停车等候的车辆', atFault: '后方车辆负全部责任', split: 'ONE' },
  { code: 'LANE_CHANGE', name: '变更车道', description: '变更车道时与本车道内正常行驶的车辆发生碰撞', atFault: '变道车辆负全部责任', split: 'ONE' },
  { code: 'REVERSING', name: '倒车/溜车', description: '倒车或车辆溜车时发生碰撞', atFault: '倒车或溜车的车辆负全部责任', split: 'ONE' },
  { code: 'DOOR_OPENING', name: '开关车门', description: '开关车门时妨碍其他车辆通行发生碰撞', atFault: '开关车门的一方负全部责任', split: 'ONE' },
  { code: 'RED_LIGHT', name: '闯红灯', description: '违反交通信号灯通行发生碰撞', atFault: '闯红灯的车辆负全部责任', split: 'ONE' },
  { code: 'WRONG_WAY', name: '逆行', description: '逆向行驶发生碰撞', atFault: '逆行车辆负全部责任', split: 'ONE' },
  {
    code: 'TURNING_NOT_YIELDING',
    name: '转弯未让直行',
    description: '绿灯或无信号路口转弯车辆未让直行车辆先行',
    atFault: '转弯车辆负全部责任',
    split: 'ONE',
  },
  { code: 'HIT_PARKED', name: '撞静止车辆', description: '碰撞依法停放或静止的车辆', atFault: '行驶车辆负全部责任', split: 'ONE' },
  { code: 'LEAVING_PARKING', name: '驶出停车位', description: '驶入或驶出停车场、停车位时与正常行驶的车辆碰撞', atFault: '进出停车位的车辆负全部责任', split: 'ONE' },
  { code: 'ENTERING_ROAD', name: '进入机动车道', description: '从路外或非机动车道驶入机动车道时发生碰撞', atFault: '驶入的车辆负全部责任', split: 'ONE' },
  { code: 'ROUNDABOUT', name: '进环岛未让行', description: '进入环岛的车辆未让环岛内或出环岛的车辆先行', atFault: '进入环岛的车辆负全部责任', split: 'ONE' },
  { code: 'SOLID_LINE', name: '越实线', description: '越过道路中心实线或车道实线发生碰撞', atFault: '越线车辆负全部责任', split: 'ONE' },
  { code: 'OVERTAKING_RIGHT', name: '右侧超车', description: '从前车右侧超车发生碰撞', atFault: '超车车辆负全部责任', split: 'ONE' },
  { code: 'ILLEGAL_U_TURN', name: '违规掉头', description: '在禁止掉头的地点或路段掉头发生碰撞', atFault: '掉头车辆负全部责任', split: 'ONE' },
  { code: 'SINGLE_VEHICLE', name: '单车事故', description: '单方车辆撞击其他物体（不含公共设施）', atFault: '本车负全部责任', split: 'ONE' },
  { code: 'BOTH_AT_FAULT', name: '双方均有过错', description: '双方各有上述过错行为，共同造成事故', atFault: '双方负同等责任', split: 'BOTH' },
];

const BY_CODE = new Map(SCENARIOS.map((s) => [s.code, s]));

export function findScenario(code: string | null | undefined): Scenario | undefined {
  return code ? BY_CODE.get(code) : undefined;
}


export type Liability = { A: LiabilityLevel; B?: LiabilityLevel };

/** Whether the levels of the parties fit together (A full ↔ B none, main ↔ minor, equal ↔ equal, or nobody at fault). */
export function liabilityConsistent(l: Liability, vehicleCount: number): boolean {
  if (vehicleCount === 1) return l.B === undefined;
  if (!l.B) return false;
  if (l.A === '无' && l.B === '无') return true;
  return LIABILITY_COUNTERPARTS[l.A] === l.B;
}

/** The liability a self-negotiation agreed on. */
export function liabilityFromFault(atFault: FaultSide, vehicleCount: number): Liability {
  if (vehicleCount === 1) return { A: '全部' };
  if (atFault === 'BOTH') return { A: '同等', B: '同等' };
  return atFault === 'A' ? { A: '全部', B: '无' } : { A: '无', B: '全部' };
}

/** Scenario and fault side must agree: BOTH_AT_FAULT ⇔ BOTH; a one-vehicle case can only blame A. */
export function faultProblem(scenario: Scenario, atFault: FaultSide, vehicleCount: number): string | null {
  if (vehicleCount === 1 && atFault !== 'A') return '单车事故只能由本方承担责任';
  if (scenario.split === 'BOTH' && atFault !== 'BOTH') return '该情形为双方同等责任';
  if (scenario.split === 'ONE' && atFault === 'BOTH') return '该情形应由一方承担全部责任';
  return null;
}
