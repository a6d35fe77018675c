// HTTP edge of personal data (PIPL): the admins' audit viewer and a driver deleting their account.
import { pageOf } from '@jiaoguan/contracts/schemas/common';
import { auditEntry, auditFilter, deleteAccountResponse, withDaysInOrder } from '@jiaoguan/contracts/schemas/privacy';
import { pageQuery, type Api } from '../../http/api';
import type { AppDeps } from '../../deps';
import { deleteAccount } from './use-cases/delete-account';
import { listAudit } from './use-cases/list-audit';

export function registerPrivacyRoutes(api: Api, deps: AppDeps) {
  const me = api.module('/api/me', { tag: 'privacy' });
  const audit = api.module('/api/admin/audit', { tag: 'admin' });

  me.route({
    method: 'delete',
    path: '',
    summary:
      "Delete the driver's account: WeChat ids, identity, vehicle bindings, subscriptions, messages, questions and sessions go; accident cases, bookings and the audit log stay, the driver anonymised",
    access: 'driver',
    response: deleteAccountResponse,
    handler: ({ caller, ctx }) => deleteAccount(deps, { driverId: caller.id, ip: ctx.ip }),
  });

  audit.route({
    method: 'get',
    path: '',
    summary: 'The audit log, newest first: filter by actor (STAFF:12, DRIVER:5, SYSTEM or a username), action (or its family), record, and Asia/Shanghai days',
    access: ['admin'],
    query: withDaysInOrder(pageQuery.extend(auditFilter.shape)),
    response: pageOf(auditEntry),
    handler: ({ query }) => listAudit(deps, query),
  });
}
