// The enums both sides speak, each with the Chinese words users read for it. One name per thing:
// a label changed here changes on every page, message and document.

// ---- people ----
export const ROLES = ['driver', 'officer', 'agent', 'admin', 'insurer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { driver: '驾驶人', officer: '民警', agent: '客服', admin: '管理员', insurer: '保险公司' };
export type StaffRole = Exclude<Role, 'driver'>;

// ---- insurance claims ----
/** SENT when the case is confirmed; the insurer moves it forward only (RECEIVED → ASSESSING → SETTLED). */
export const CLAIM_STATUSES = ['SENT', 'RECEIVED', 'ASSESSING', 'SETTLED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  SENT: '已转交保险公司',
  RECEIVED: '保险公司已受理',
  ASSESSING: '定损理算中',
  SETTLED: '理赔已办结',
};
/** The statuses an insurer sets, in their order. */
export const INSURER_CLAIM_STEPS = ['RECEIVED', 'ASSESSING', 'SETTLED'] as const;
export type InsurerClaimStep = (typeof INSURER_CLAIM_STEPS)[number];

// ---- accidents ----
export const ACCIDENT_STATUSES = [
  'DRAFT',
  'WAITING_FOR_PARTY',
  'NEGOTIATING',
  'PENDING_REVIEW',
  'CONFIRMED',
  'RETURNED',
  'TRANSFERRED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type AccidentStatus = (typeof ACCIDENT_STATUSES)[number];
export const ACCIDENT_STATUS_LABELS: Record<AccidentStatus, string> = {
  DRAFT: '草稿',
  WAITING_FOR_PARTY: '待对方加入',
  NEGOTIATING: '协商中',
  PENDING_REVIEW: '待民警审核',
  CONFIRMED: '已确认',
  RETURNED: '已退回',
  TRANSFERRED: '转现场处理',
  CANCELLED: '已撤销',
  EXPIRED: '已过期',
};

/** Photo slots, in the order the report asks for them; the first three are required. */
export const PHOTO_SLOTS = [
  'OVERVIEW_FRONT',
  'OVERVIEW_REAR',
  'COLLISION_POINT',
  'OWN_DAMAGE',
  'OTHER_DAMAGE',
  'OWN_PLATE',
  'OTHER_PLATE',
  'EXTRA',
] as const;
export const EVIDENCE_SLOTS = [...PHOTO_SLOTS, 'SIGNATURE'] as const;
export type EvidenceSlot = (typeof EVIDENCE_SLOTS)[number];
export const REQUIRED_SLOTS: readonly EvidenceSlot[] = ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'];
export const SLOT_LABELS: Record<EvidenceSlot, string> = {
  OVERVIEW_FRONT: '前方全景',
  OVERVIEW_REAR: '后方全景',
  COLLISION_POINT: '碰撞部位',
  OWN_DAMAGE: '本车损失',
  OTHER_DAMAGE: '对方车损',
  OWN_PLATE: '本车号牌',
  OTHER_PLATE: '对方号牌',
  EXTRA: '补充照片',
  SIGNATURE: '签名',
};

export const PARTY_ROLES = ['A', 'B'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_LABELS: Record<PartyRole, string> = { A: '甲方', B: '乙方' };

export const FAULT_SIDES = ['A', 'B', 'BOTH'] as const;
export type FaultSide = (typeof FAULT_SIDES)[number];

/** Liability levels (Art. 60), as written on the documents. */
export const LIABILITY_LEVELS = ['全部', '主要', '同等', '次要', '无'] as const;
export type LiabilityLevel = (typeof LIABILITY_LEVELS)[number];
/** The level the other party bears when one bears this one. */
export const LIABILITY_COUNTERPARTS: Record<LiabilityLevel, LiabilityLevel> = { 全部: '无', 主要: '次要', 同等: '同等', 次要: '主要', 无: '全部' };
/** English names accepted from clients as well. */
export const LIABILITY_ALIASES: Record<string, LiabilityLevel> = { FULL: '全部', MAIN: '主要', EQUAL: '同等', MINOR: '次要', NONE: '无' };

/**
 * What can be done to a case (the server's case machine has one row per action, docs/accidents.md);
 * a case view lists those its caller may take now.
 */
export const CASE_ACTIONS = [
  'REPORT',
  'OPEN_INVITE',
  'START_NEGOTIATION',
  'JOIN',
  'SHOW_INVITE',
  'EDIT_DETAILS',
  'UPLOAD_PHOTO',
  'SET_LIABILITY',
  'ANSWER',
  'SUBMIT',
  'RESUBMIT',
  'CANCEL',
  'CONFIRM',
  'RETURN',
  'TRANSFER',
  'HAND_OVER',
  'DOWNLOAD_DOCUMENT',
  'EXPIRE',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Why quick processing is ruled out (422 NOT_ELIGIBLE, `details.reason`; DOMAIN.md A2). */
export const INELIGIBLE_REASONS = [
  'INJURIES',
  'IMPAIRED',
  'LICENCE_INVALID',
  'PLATE_INVALID',
  'NOT_DRIVABLE',
  'PARTY_LEFT',
  'DELIBERATE',
  'NOT_INSURED',
  'INSPECTION_MISSING',
  'DANGEROUS_GOODS',
  'FACILITIES_DAMAGED',
  'EXPRESSWAY',
  'OUTSIDE_SERVICE_HOURS',
] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

/** Plain Chinese for each reason, shown with the button to call 122. */
export const INELIGIBLE_TEXT: Record<IneligibleReason, string> = {
  INJURIES: '有人员受伤，不能自行协商，请立即拨打122报警并保护现场',
  IMPAIRED: '有驾驶人可能饮酒或服用违禁药物，请立即拨打122报警',
  LICENCE_INVALID: '有驾驶人没有有效驾驶证或准驾车型不符，请拨打122报警',
  PLATE_INVALID: '有车辆无号牌或号牌可疑，请拨打122报警',
  NOT_DRIVABLE: '车辆无法移动，请开启危险报警闪光灯、放置警告标志后拨打122报警',
  PARTY_LEFT: '有一方已离开现场，请拨打122报警',
  DELIBERATE: '有证据表明一方故意造成事故，请拨打122报警',
  NOT_INSURED: '有车辆没有交强险，请拍照固定证据、撤离现场后拨打122报警',
  INSPECTION_MISSING: '有车辆没有检验合格标志，请拍照固定证据、撤离现场后拨打122报警',
  DANGEROUS_GOODS: '车辆载有危险物品，请立即拨打122报警并远离车辆',
  FACILITIES_DAMAGED: '损坏了道路设施或建筑物，请拍照固定证据、撤离现场后拨打122报警',
  EXPRESSWAY: '本辖区高速公路上的事故不能在线快处，请拨打122报警',
  OUTSIDE_SERVICE_HOURS: '现在不在本辖区在线快处的服务时间内，请拨打122报警',
};

export const OFFICER_DECISIONS = ['CONFIRM', 'RETURN', 'TRANSFER'] as const;
export type OfficerDecision = (typeof OFFICER_DECISIONS)[number];
export const OFFICER_DECISION_LABELS: Record<OfficerDecision, string> = { CONFIRM: '确认', RETURN: '退回补充', TRANSFER: '转现场处理' };

/** The document of a confirmed case: agreed by the parties, or liability set by an officer. */
export const DOCUMENT_TITLES = {
  AGREEMENT: '道路交通事故自行协商协议书',
  OFFICER_FINDING: '道路交通事故认定书（简易程序）',
} as const;
export const documentTitle = (liabilitySetByOfficer: boolean) =>
  liabilitySetByOfficer ? DOCUMENT_TITLES.OFFICER_FINDING : DOCUMENT_TITLES.AGREEMENT;

// ---- exams ----
export const SUBJECTS = [1, 2, 3, 4] as const;
export type Subject = (typeof SUBJECTS)[number];
/** Subject 4 is officially 科目三安全文明常识; drivers call it 科目四, so the label says both. */
export const SUBJECT_LABELS: Readonly<Record<number, string>> = {
  1: '科目一',
  2: '科目二',
  3: '科目三',
  4: '科目四（安全文明常识）',
} satisfies Record<Subject, string>;
export const subjectLabel = (subject: number) => SUBJECT_LABELS[subject] ?? `科目${subject}`;

export const LICENCE_CLASSES = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'D', 'E', 'F', 'M', 'N', 'P'] as const;
export type LicenceClass = (typeof LICENCE_CLASSES)[number];
export const isLicenceClass = (value: string): value is LicenceClass => (LICENCE_CLASSES as readonly string[]).includes(value);
/** 准驾车型 (licence classes) and what each allows. */
export const LICENCE_CLASS_LABELS: Record<LicenceClass, string> = {
  A1: '大型客车', A2: '重型牵引挂车', A3: '城市公交车', B1: '中型客车', B2: '大型货车', C1: '小型汽车',
  C2: '小型自动挡汽车', C3: '低速载货汽车', C4: '三轮汽车', C5: '残疾人专用小型自动挡载客汽车',
  C6: '轻型牵引挂车', D: '普通三轮摩托车', E: '普通二轮摩托车', F: '轻便摩托车', M: '轮式专用机械车',
  N: '无轨电车', P: '有轨电车',
};

export const ALLOCATIONS = ['RANKED', 'FIRST_COME'] as const;
export type Allocation = (typeof ALLOCATIONS)[number];
export const ALLOCATION_LABELS: Record<Allocation, string> = { FIRST_COME: '先到先得', RANKED: '按排序分配' };

export const BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'CANCELLED_BY_OFFICE'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  PENDING: '排队中',
  CONFIRMED: '预约成功',
  REJECTED: '未获安排',
  CANCELLED: '已取消',
  CANCELLED_BY_OFFICE: '考场取消',
};

/** An exam session is SCHEDULED until the office cancels it. */
export const EXAM_SESSION_STATUSES = ['SCHEDULED', 'CANCELLED'] as const;
export type ExamSessionStatus = (typeof EXAM_SESSION_STATUSES)[number];
export const EXAM_SESSION_STATUS_LABELS: Record<ExamSessionStatus, string> = { SCHEDULED: '正常', CANCELLED: '已取消' };

export const EXAM_RESULTS = ['PASS', 'FAIL', 'NO_SHOW'] as const;
export type ExamResult = (typeof EXAM_RESULTS)[number];
export const EXAM_RESULT_LABELS: Record<ExamResult, string> = { PASS: '合格', FAIL: '不合格', NO_SHOW: '缺考（按不合格计）' };

/** Why a booking is refused (422 NOT_ELIGIBLE, `details.reason`). */
export const BOOKING_REFUSAL_REASONS = [
  'LICENCE_CLASS_MISMATCH',
  'ALREADY_PASSED',
  'SUBJECT_ORDER',
  'PERMIT_EXPIRED',
  'WAITING_PERIOD',
  'ATTEMPTS_EXHAUSTED',
  'RETAKE_WAIT',
  'BOOKING_NOT_OPEN',
  'BOOKING_CLOSED',
  'SESSION_CANCELLED',
] as const;
export type BookingRefusalReason = (typeof BOOKING_REFUSAL_REASONS)[number];

// ---- consultations ----
export const CONSULTATION_CATEGORIES = ['vehicle', 'licence', 'violation', 'accident', 'exam', 'other'] as const;
export type ConsultationCategory = (typeof CONSULTATION_CATEGORIES)[number];
export const CONSULTATION_CATEGORY_LABELS: Record<ConsultationCategory, string> = {
  vehicle: '机动车业务',
  licence: '驾驶证业务',
  violation: '违法处理',
  accident: '事故处理',
  exam: '考试预约',
  other: '其他',
};

export const CONSULTATION_STATUSES = ['HELD', 'OPEN', 'CLAIMED', 'ANSWERED', 'CLOSED'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  HELD: '待审核',
  OPEN: '待受理',
  CLAIMED: '处理中',
  ANSWERED: '已回复',
  CLOSED: '已结束',
};

// ---- violations ----
export const VIOLATION_STATUSES = ['UNPROCESSED', 'PROCESSED', 'PAID'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];
export const VIOLATION_STATUS_LABELS: Record<ViolationStatus, string> = { UNPROCESSED: '未处理', PROCESSED: '已处理未缴款', PAID: '已缴款' };

// ---- notifications ----
export const TEMPLATE_KEYS = ['accident_progress', 'exam_booking', 'consultation_reply', 'traffic_reminder'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

// ---- audit (the admins' audit viewer) ----
export const ACTOR_TYPES = ['DRIVER', 'STAFF', 'SYSTEM'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
export const ACTOR_TYPE_LABELS: Record<ActorType, string> = { DRIVER: '驾驶人', STAFF: '工作人员', SYSTEM: '系统' };

/** Reads of personal data by staff: an officer opening a case, an agent a question, an export. */
export const PERSONAL_DATA_ACTIONS = ['personal_data.viewed', 'personal_data.exported'] as const;
export type PersonalDataAction = (typeof PERSONAL_DATA_ACTIONS)[number];

/** The Chinese words for the audit actions the system writes; an action not listed shows its code. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'personal_data.viewed': '查看个人信息',
  'personal_data.exported': '导出个人信息',
  'driver.account_deleted': '注销账号',
  'driver.identity_bound': '绑定身份',
  'vehicle.bound': '绑定车辆',
  'vehicle.unbound': '解绑车辆',
  'accident.created': '报告事故',
  'accident.joined': '加入事故',
  'accident.cancelled': '撤销事故',
  'accident.decision': '民警审核',
  'consultation.created': '提交咨询',
  'consultation.claimed': '受理咨询',
  'consultation.replied': '回复咨询',
  'consultation.transferred': '转办咨询',
  'consultation.approved': '放行咨询',
  'consultation.closed': '结束咨询',
  'exam.booking_cancelled': '取消考试预约',
  'exam.calendar_changed': '修改工作日历',
  'exam.result_recorded': '录入考试成绩',
  'exam.session_allocated': '分配考位',
  'exam.session_created': '发布考试场次',
  'exam.session_changed': '修改考试场次',
  'exam.session_cancelled': '取消考试场次',
  'faq.created': '新增常见问题',
  'faq.updated': '修改常见问题',
  'faq.deleted': '删除常见问题',
  'canned_reply.created': '新增快捷回复',
  'canned_reply.updated': '修改快捷回复',
  'canned_reply.deleted': '删除快捷回复',
  'exam.venue_created': '新增考场',
  'staff.created': '新增工作人员',
  'claim.status_changed': '更新理赔进度',
  'staff.login': '工作人员登录',
  'staff.login_failed': '工作人员登录失败',
};
export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

/** The records an audit row can be about. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  AccidentCase: '事故',
  InsuranceClaim: '保险理赔',
  Consultation: '咨询',
  FaqEntry: '常见问题',
  CannedReply: '快捷回复',
  Driver: '驾驶人',
  Learner: '学员',
  ExamBooking: '考试预约',
  ExamSession: '考试场次',
  CalendarDay: '工作日历',
  Venue: '考场',
  Vehicle: '机动车',
  Staff: '工作人员',
  Import: '数据导入',
};
export const auditEntityLabel = (entityType: string) => AUDIT_ENTITY_LABELS[entityType] ?? entityType;

/** What a deleted account's driver row is called from then on. */
export const DELETED_DRIVER_NICKNAME = '已注销用户';

/** The personal fields a `personal_data.*` row says were shown (`details.shown`), in Chinese. */
export const PERSONAL_FIELD_LABELS: Readonly<Record<string, string>> = {
  driverName: '姓名',
  name: '姓名',
  askerName: '提问人（部分隐藏）',
  idNumber: '身份证号（部分隐藏）',
  licenceNumber: '驾驶证号',
  phone: '手机号',
  plate: '号牌',
  insurer: '保险公司',
  policyNumber: '保单号',
  location: '事故地点',
  photos: '现场照片',
  signatures: '签名',
  liability: '责任认定',
  content: '咨询内容',
  replies: '回复和内部备注',
  licenceClass: '准驾车型',
  examProgress: '考试进度',
};
export const personalFieldLabel = (field: string) => PERSONAL_FIELD_LABELS[field] ?? field;

/** The record imports' column names (数据导入) in Chinese, for the page and the rejection reasons. */
export const IMPORT_FIELD_LABELS: Readonly<Record<string, string>> = {
  idNumber: '身份证号',
  name: '姓名',
  licenceClass: '准驾车型',
  firstIssuedAt: '初次领证日期',
  validUntil: '有效期至',
  status: '状态',
  points: '记分',
  nextMedicalCheckAt: '下次体检日期',
  phone: '手机号',
  fileNumber: '档案编号',
  plate: '车牌号',
  plateType: '号牌种类',
  vin: '车辆识别代号',
  ownerIdNumber: '所有人身份证号',
  brand: '品牌',
  model: '型号',
  registeredAt: '注册登记日期',
  inspectionDueAt: '检验有效期至',
  insuranceExpiresAt: '交强险到期日',
  occurredAt: '违法时间',
  place: '违法地点',
  code: '违法代码',
  description: '违法行为',
  fineFen: '罚款（分）',
  decidedAt: '处理时间',
  licenceNumber: '驾驶证号',
};
/** "车牌号（plate）": the Chinese name with the column name the file must use. */
export const importFieldLabel = (field: string) => (IMPORT_FIELD_LABELS[field] ? `${IMPORT_FIELD_LABELS[field]}（${field}）` : field);
