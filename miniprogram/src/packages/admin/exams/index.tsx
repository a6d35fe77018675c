// Admin exam plan (考试计划): the month calendar per venue, sessions with fill-rate bars and a
// chart, changing or cancelling a session, publishing one, allocating ranked sessions, and
// importing learners and results.
import { useState } from 'react'
import { isLicenceClass } from '@jiaoguan/contracts/labels'
import { useDidShow } from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { errorMessage } from '@/api/http'
import {
  adminAllocate,
  adminCreateSession,
  adminImportLearners,
  adminImportResults,
  adminListSessions,
  adminListVenues,
  type AdminExamSession,
  type Allocation,
  type ImportReport,
  type Venue,
} from '@/api/exams'
import { ALLOCATION_LABELS, SUBJECT_LABELS, shanghaiDateTime } from '@/pages/exam/format'
import { useSubmit } from '@/hooks/useSubmit'
import SessionCalendar from './SessionCalendar'
import { CancelSessionDialog, EditSessionDialog } from './SessionActions'
import { toIso } from './time'
import '@/pages/exam/index.css'
import './index.css'

export default function AdminExamsPage() {
  const [sessions, setSessions] = useState<AdminExamSession[] | null>(null)
  const [error, setError] = useState('')
  // Which session's button shows the spinner; every allocate button waits while one runs.
  const [allocating, setAllocating] = useState<number | null>(null)
  const [venues, setVenues] = useState<Venue[]>([])
  // The session being changed or cancelled, and a counter that makes the calendar read its month again.
  const [acting, setActing] = useState<{ kind: 'edit' | 'cancel'; session: AdminExamSession } | null>(null)
  const [notice, setNotice] = useState('')
  const [version, setVersion] = useState(0)

  const load = async () => {
    setError('')
    try {
      const [page, venuePage] = await Promise.all([adminListSessions(), adminListVenues()])
      setSessions(page.items)
      setVenues(venuePage.items)
      setVersion((v) => v + 1)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const onActed = (s: AdminExamSession) => {
    setNotice(acting?.kind === 'cancel' ? `已取消场次：${SUBJECT_LABELS[s.subject]} ${shanghaiDateTime(s.startsAt)}，已通知预约的学员。` : `已保存：${SUBJECT_LABELS[s.subject]} ${shanghaiDateTime(s.startsAt)}，${s.venue.name}，考位 ${s.capacity}。`)
    setActing(null)
    void load()
  }
  const changeable = (s: AdminExamSession) => s.status === 'SCHEDULED' && new Date(s.startsAt) > new Date()

  useDidShow(() => {
    void load()
  })

  const allocate = useSubmit(async (id: number) => {
    setAllocating(id)
    setError('')
    await adminAllocate(id)
    await load()
  })
  const onAllocate = (id: number) => void allocate.run(id).finally(() => setAllocating(null))

  return (
    // The staff frame: the admin's side navigation beside the plan at >= 1024 px.
    <StaffHome role="admin" title="考试计划">
      <ErrorText id="admin-exams-error" message={allocate.error || error} />
      <NewSessionForm venues={venues} onCreated={() => void load()} />
      {notice && (
        <Text id="admin-exams-notice" className="jg-hint">
          {notice}
        </Text>
      )}
      <SessionCalendar venues={venues} version={version} onPick={(s) => changeable(s) && setActing({ kind: 'edit', session: s })} />
      {acting?.kind === 'edit' && <EditSessionDialog session={acting.session} onClose={() => setActing(null)} onDone={onActed} />}
      {acting?.kind === 'cancel' && <CancelSessionDialog session={acting.session} onClose={() => setActing(null)} onDone={onActed} />}
      {sessions === null && !error && <Text className="jg-hint">正在加载…</Text>}
      {sessions && sessions.length > 0 && <FillChart sessions={sessions} />}
      {sessions?.length === 0 && <Text className="jg-hint">还没有考试场次，可在上方发布。</Text>}
      {sessions?.map((s) => {
        const rate = Math.min(1, s.fillRate)
        const waiting = s.allocation === 'RANKED' && !s.allocated
        return (
          <View key={s.id} id={`admin-session-${s.id}`} className="jg-card">
            <Text className="jg-subtitle">
              {SUBJECT_LABELS[s.subject]} · {s.licenceClass} · {shanghaiDateTime(s.startsAt)}
            </Text>
            <Text className="jg-hint">
              {s.venue.name} · {ALLOCATION_LABELS[s.allocation]}
              {s.allocation === 'RANKED' ? (s.allocated ? ' · 已分配' : ' · 待分配') : ''}
            </Text>
            {s.status === 'CANCELLED' && (
              <Text id={`admin-session-${s.id}-cancelled`} className="admin-exam-cancelled">
                已取消{s.cancelledAt ? `（${shanghaiDateTime(s.cancelledAt)}）` : ''}：{s.cancelReason}
              </Text>
            )}
            <View className="admin-exam-bar">
              <View className={rate >= 1 ? 'admin-exam-bar-fill admin-exam-bar-full' : 'admin-exam-bar-fill'} style={{ width: `${Math.round(rate * 100)}%` }} />
            </View>
            <Text id={`admin-session-${s.id}-fill`} className="jg-hint">
              {waiting ? `申请 ${s.applicantCount} 人 / 考位 ${s.capacity}` : `已确认 ${s.confirmedCount} / 考位 ${s.capacity}`}（{Math.round(s.fillRate * 100)}%）
            </Text>
            {changeable(s) && (
              <View className="admin-exam-actions">
                <Button id={`edit-${s.id}`} size="small" onClick={() => setActing({ kind: 'edit', session: s })}>
                  修改
                </Button>
                <Button id={`cancel-session-${s.id}`} size="small" type="danger" fill="outline" onClick={() => setActing({ kind: 'cancel', session: s })}>
                  取消场次
                </Button>
              </View>
            )}
            {waiting && s.status === 'SCHEDULED' && (
              <Button id={`allocate-${s.id}`} className="jg-button" type="primary" size="large" loading={allocate.busy && allocating === s.id} disabled={allocate.busy} onClick={() => onAllocate(s.id)}>
                截止预约并分配考位
              </Button>
            )}
          </View>
        )
      })}
      <ImportBox
        id="learners"
        title="导入学员"
        hint="CSV，首行为字段名：idNumber,name,licenceClass,appliedAt,permitIssuedAt,passedSubjects（已通过科目用分号分隔，如 1;2）"
        run={adminImportLearners}
      />
      <ImportBox id="results" title="导入考试成绩" hint="CSV，首行为字段名：bookingId,result（PASS 合格、FAIL 不合格、NO_SHOW 缺考）" run={adminImportResults} />
    </StaffHome>
  )
}

/** Fill rate per session as columns (oldest to newest exam), drawn with Views. */
function FillChart({ sessions }: { sessions: AdminExamSession[] }) {
  const ordered = [...sessions].reverse()
  return (
    <View id="fill-chart" className="jg-card">
      <Text className="jg-subtitle">预约率</Text>
      <View className="admin-exam-chart">
        {ordered.map((s) => (
          <View key={s.id} className="admin-exam-column" style={{ height: `${Math.max(2, Math.round(Math.min(1, s.fillRate) * 100))}%` }} />
        ))}
      </View>
      <Text className="jg-hint">每一列是一个场次，按考试时间从早到晚排列；柱高为已确认（或申请）人数占考位的比例。</Text>
    </View>
  )
}

/** A time typed as "2026-12-20 09:00", or chosen with a date and a time picker. */
function DateTimeField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  const [date = '', time = ''] = value.split(' ')
  return (
    <Field label={label}>
      <Input id={id} className="jg-input" placeholder="2026-12-20 09:00" value={value} onInput={(e) => onChange(e.detail.value)} />
      <View className="admin-exam-pickers">
        <Picker mode="date" value={date} onChange={(e) => onChange(`${String(e.detail.value)} ${time || '09:00'}`)}>
          <Text id={`${id}-date`} className="exam-chip">
            选日期
          </Text>
        </Picker>
        <Picker mode="time" value={time || '09:00'} onChange={(e) => onChange(`${date || ''} ${String(e.detail.value)}`.trim())}>
          <Text id={`${id}-time`} className="exam-chip">
            选时间
          </Text>
        </Picker>
      </View>
    </Field>
  )
}

function NewSessionForm({ venues, onCreated }: { venues: Venue[]; onCreated: () => void }) {
  const [form, setForm] = useState({ subject: '1', licenceClass: 'C1', venue: '', startsAt: '', capacity: '30', opensAt: '', closesAt: '', allocation: 'FIRST_COME' as Allocation })
  const [done, setDone] = useState('')
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) => setForm({ ...form, [key]: e.detail.value })
  const create = useSubmit(async (body: Parameters<typeof adminCreateSession>[0]) => {
    const s = await adminCreateSession(body)
    setDone(`已发布：${SUBJECT_LABELS[s.subject]} ${shanghaiDateTime(s.startsAt)}`)
    onCreated()
  })

  const onSubmit = () => {
    const startsAt = toIso(form.startsAt)
    const opensAt = toIso(form.opensAt)
    const closesAt = toIso(form.closesAt)
    if (!form.venue.trim() || !startsAt || !opensAt || !closesAt) {
      create.setError('请填写考场，并按“2026-12-20 09:00”的格式填写时间')
      return
    }
    const licenceClass = form.licenceClass.trim().toUpperCase()
    if (!isLicenceClass(licenceClass)) {
      create.setError('准驾车型不正确，如 C1、C2、A1')
      return
    }
    setDone('')
    void create.run({
      subject: Number(form.subject),
      licenceClass,
      venue: form.venue.trim(),
      startsAt,
      capacity: Number(form.capacity),
      bookingOpensAt: opensAt,
      bookingClosesAt: closesAt,
      allocation: form.allocation,
    })
  }

  const field = (key: keyof typeof form, label: string, placeholder = '') => (
    <Field label={label}>
      <Input id={`new-session-${key}`} className="jg-input" placeholder={placeholder} value={String(form[key])} onInput={set(key)} />
    </Field>
  )

  return (
    <View id="new-session" className="jg-card">
      <Text className="jg-subtitle">发布考试场次</Text>
      <Text className="jg-hint">考试计划须至少提前10天公布；时间均为北京时间。</Text>
      <Field label="科目">
        <View className="exam-chips">
          {[1, 2, 3, 4].map((n) => (
            <Text key={n} id={`new-session-subject-${n}`} className={form.subject === String(n) ? 'exam-chip exam-chip-on' : 'exam-chip'} onClick={() => setForm({ ...form, subject: String(n) })}>
              {SUBJECT_LABELS[n]}
            </Text>
          ))}
        </View>
      </Field>
      <View className="admin-exam-row">
        {field('licenceClass', '准驾车型', 'C1')}
        {field('capacity', '考位数')}
      </View>
      {field('venue', '考场', '考场名称（新考场直接填写）')}
      {venues.length > 0 && (
        <View className="exam-chips">
          {venues.map((v) => (
            <Text key={v.id} id={`new-session-venue-${v.id}`} className={form.venue === v.name ? 'exam-chip exam-chip-on' : 'exam-chip'} onClick={() => setForm({ ...form, venue: v.name })}>
              {v.name}
            </Text>
          ))}
        </View>
      )}
      <View className="admin-exam-row">
        <DateTimeField id="new-session-startsAt" label="考试时间" value={form.startsAt} onChange={(v) => setForm((f) => ({ ...f, startsAt: v }))} />
        <DateTimeField id="new-session-opensAt" label="开始预约" value={form.opensAt} onChange={(v) => setForm((f) => ({ ...f, opensAt: v }))} />
        <DateTimeField id="new-session-closesAt" label="截止预约" value={form.closesAt} onChange={(v) => setForm((f) => ({ ...f, closesAt: v }))} />
      </View>
      <View className="exam-chips">
        {(['FIRST_COME', 'RANKED'] as const).map((a) => (
          <Text key={a} id={`new-session-${a}`} className={form.allocation === a ? 'exam-chip exam-chip-on' : 'exam-chip'} onClick={() => setForm({ ...form, allocation: a })}>
            {ALLOCATION_LABELS[a]}
          </Text>
        ))}
      </View>
      <ErrorText id="new-session-error" message={create.error} />
      {done && <Text id="new-session-done" className="jg-hint">{done}</Text>}
      <Button id="new-session-submit" className="jg-button" type="primary" size="large" loading={create.busy} disabled={create.busy} onClick={onSubmit}>
        发布
      </Button>
    </View>
  )
}

function ImportBox({ id, title, hint, run }: { id: string; title: string; hint: string; run: (csv: string) => Promise<ImportReport> }) {
  const [csv, setCsv] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)
  const importing = useSubmit(async (text: string) => setReport(await run(text)))
  const { busy, error } = importing

  const onRun = () => {
    if (!csv.trim()) {
      importing.setError('请粘贴要导入的内容')
      return
    }
    setReport(null)
    void importing.run(csv)
  }

  return (
    <View id={`import-${id}`} className="jg-card">
      <Text className="jg-subtitle">{title}</Text>
      <Text className="jg-hint">{hint}</Text>
      <Textarea id={`import-${id}-csv`} className="admin-exam-textarea" maxlength={-1} value={csv} placeholder="在此粘贴 CSV 内容" onInput={(e) => setCsv(e.detail.value)} />
      <ErrorText id={`import-${id}-error`} message={error} />
      <Button id={`import-${id}-submit`} className="jg-button" type="primary" size="large" loading={busy} disabled={busy} onClick={onRun}>
        {busy ? '正在导入…' : '导入'}
      </Button>
      {report && (
        <View id={`import-${id}-report`}>
          <Text className="jg-hint">
            新增 {report.created} 条，更新 {report.updated} 条，未导入 {report.rejected.length} 条
          </Text>
          {report.rejected.map((r) => (
            <Text key={r.line} className="jg-error">
              第{r.line}行：{r.reason}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
