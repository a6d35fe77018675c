// Status codes and licence classes of the national system, and what they mean to a driver.
import { LICENCE_CLASS_LABELS } from '@jiaoguan/contracts/labels';
export const LICENCE_STATUS: Readonly<Record<string, string>> = {
  A: '正常', B: '超分', C: '转出', D: '暂扣', E: '撤销', F: '吊销', G: '注销', H: '违法未处理',
  I: '事故未处理', J: '停止使用', K: '扣押', L: '锁定', M: '逾期未换证', N: '延期换证', P: '延期体检',
  R: '注销可恢复', S: '逾期未审验', T: '延期审验', U: '扣留',
};

/** What a driver should do about each licence status (only the ones that call for action). */
export const LICENCE_STATUS_ADVICE: Readonly<Record<string, string>> = {
  B: '记分已满12分，请到车管所参加满分学习和考试',
  D: '驾驶证被暂扣，期间不得驾驶机动车，期满后到发证机关领回',
  E: '驾驶证已被撤销，如有疑问请到车管所咨询',
  F: '驾驶证已被吊销，不得驾驶机动车',
  G: '驾驶证已注销，如需驾驶请重新申领',
  H: '有交通违法未处理，请尽快处理',
  I: '有交通事故未处理，请联系事故处理大队',
  J: '驾驶证已停止使用，请到车管所咨询',
  K: '驾驶证被扣押，请联系扣押机关',
  L: '驾驶证已锁定，请到车管所咨询',
  M: '已超过有效期未换证，请尽快到车管所换证',
  P: '请在延期期限内提交体检证明',
  R: '驾驶证已注销，可在规定期限内申请恢复',
  S: '已逾期未审验，请尽快到车管所审验',
  U: '驾驶证被扣留，请联系扣留机关',
};

export const VEHICLE_STATUS: Readonly<Record<string, string>> = {
  A: '正常', B: '转出', C: '被盗抢', D: '停驶', E: '注销', G: '违法未处理', H: '海关监管', I: '事故未处理',
  J: '嫌疑车', K: '查封', L: '暂扣', M: '强制注销', N: '事故逃逸', O: '锁定', P: '达到报废标准公告牌证作废',
  Q: '逾期未检验',
};

/** Licence classes by code, for reading combined codes such as "C1E". */
export const LICENCE_CLASSES: Readonly<Record<string, string>> = LICENCE_CLASS_LABELS;

/** Single-violation point values since 2022. */
export const POINT_VALUES: readonly number[] = [0, 1, 3, 6, 9, 12];


/** Every letter of a (possibly combined, e.g. "BDH") status code, or null when any letter is unknown. */
export function splitStatus(code: string, table: Readonly<Record<string, string>>): string[] | null {
  if (!/^[A-Z]{1,8}$/.test(code)) return null;
  const letters = Array.from(new Set(code.split('')));
  return letters.every((l) => table[l]) ? letters : null;
}

/** A licence class string such as "C1" or "A2D" split into known classes, or null. */
export function splitLicenceClasses(value: string): string[] | null {
  const parts = value.match(/[A-Z]\d?/g);
  if (!parts || parts.join('') !== value) return null;
  return parts.every((p) => LICENCE_CLASSES[p]) ? parts : null;
}

export { PLATE_TYPES as PLATE_TYPE_NAMES } from '@jiaoguan/contracts/plate';
