// Builders for the proactive-notice tests: a fixed "now" at 10:00 Shanghai today, dates n Shanghai
// days from it, drivers bound to an identity, their licences and vehicles.
import { shanghaiDayParts, shanghaiMidnightOf } from '@jiaoguan/contracts/time';
import { loginDriver, type TestContext } from '../support/context';
import { idNumber, vin } from '../inquiries/helpers';

const DAY = 86_400_000;

/** Today 10:00 in Shanghai (after the daily run hour). */
export function todayAtTen(): Date {
  const [y, m, d] = shanghaiDayParts(new Date());
  return new Date(shanghaiMidnightOf(y, m, d).getTime() + 10 * 3_600_000);
}

/** Shanghai midnight `n` days after the day of `now`. */
export function dayFrom(now: Date, n: number): Date {
  const [y, m, d] = shanghaiDayParts(now);
  return new Date(shanghaiMidnightOf(y, m, d).getTime() + n * DAY);
}

let serial = 0;
/** A valid ID number, a new one each call. */
export function newIdNumber(): string {
  serial += 1;
  return idNumber(`37040219850312${String(serial % 1000).padStart(3, '0')}`);
}

/** A logged-in driver whose identity is bound to `id`. */
export async function boundDriver(ctx: TestContext, id = newIdNumber()) {
  const d = await loginDriver(ctx);
  await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber: id, realName: '张伟', identityBoundAt: new Date() } });
  return { ...d, idNumber: id };
}

export async function licenceOf(
  ctx: TestContext,
  idNumber: string,
  data: Partial<{ validUntil: Date; points: number; firstIssuedAt: Date; status: string; phone: string }> = {},
) {
  return ctx.db.licence.create({
    data: {
      idNumber,
      name: '张伟',
      licenceClass: 'C1',
      firstIssuedAt: data.firstIssuedAt ?? new Date('2015-03-09T16:00:00Z'),
      validUntil: data.validUntil ?? new Date('2035-03-09T16:00:00Z'),
      status: data.status ?? 'A',
      points: data.points ?? 0,
      phone: data.phone,
    },
  });
}

let vinSerial = 0;
/** A vehicle owned by `owner`, bound by `driverId` unless told not to. */
export async function vehicleOf(
  ctx: TestContext,
  owner: string,
  data: Partial<{ plate: string; plateType: string; inspectionDueAt: Date | null; status: string }> = {},
  bindTo?: number,
) {
  vinSerial += 1;
  const v = await ctx.db.vehicle.create({
    data: {
      plate: data.plate ?? `鲁D${String(10000 + vinSerial).slice(-5)}`,
      plateType: data.plateType ?? '02',
      vin: vin('LSVAU2A3', `7N${String(100000 + vinSerial).slice(-6)}`),
      ownerIdNumber: owner,
      brand: '大众',
      model: '朗逸',
      registeredAt: new Date('2020-01-01T00:00:00Z'),
      inspectionDueAt: data.inspectionDueAt === undefined ? new Date('2030-01-01T00:00:00Z') : data.inspectionDueAt,
      status: data.status ?? 'A',
    },
  });
  if (bindTo !== undefined) await ctx.db.driverVehicle.create({ data: { driverId: bindTo, vehicleId: v.id } });
  return v;
}

/** The message-centre entries of one event, by driver. */
export async function centre(ctx: TestContext, event: string) {
  return ctx.db.messageCentreEntry.findMany({ where: { event }, orderBy: { id: 'asc' } });
}
