// Changing and cancelling one exam session: an edit dialog (capacity, time, venue) and a cancel
// dialog that asks for the reason the learners will read.
import { useState } from 'react'
import { Input, Text, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Dialog from '@/components/Dialog'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { adminCancelSession, adminUpdateSession, type AdminExamSession, type SessionChangeRequest } from '@/api/exams'
import { formatClock, shanghaiDay } from '@jiaoguan/contracts/time'
import { SUBJECT_LABELS, shanghaiDateTime } from '@/pages/exam/format'
import { useSubmit } from '@/hooks/useSubmit'
import { toIso } from './time'

interface Props {
  session: AdminExamSession
  onClose: () => void
  onDone: (s: AdminExamSession) => void
}

export function EditSessionDialog({ session, onClose, onDone }: Props) {
  const [form, setForm] = useState({
    capacity: String(session.capacity),
    startsAt: `${shanghaiDay(session.startsAt)} ${formatClock(session.startsAt)}`,
    venue: session.venue.name,
  })
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) => setForm({ ...form, [key]: e.detail.value })
  const save = useSubmit(async (body: SessionChangeRequest) => onDone(await adminUpdateSession(session.id, body)))
  const booked = session.confirmedCount

  const onSave = () => {
    const body: SessionChangeRequest = {}
    const capacity = Number(form.capacity)
    if (!Number.isInteger(capacity) || capacity < 1) return save.setError('考位数应为正整数')
    if (capacity !== session.capacity) body.capacity = capacity
    const startsAt = toIso(form.startsAt)
    if (!startsAt) return save.setError('请按“2026-12-20 09:00”的格式填写考试时间')
    if (new Date(startsAt).getTime() !== new Date(session.startsAt).getTime()) body.startsAt = startsAt
    const venue = form.venue.trim()
    if (!venue) return save.setError('请填写考场')
    if (venue !== session.venue.name) body.venue = venue
    if (Object.keys(body).length === 0) return save.setError('没有修改任何内容')
    void save.run(body)
  }

  return (
    <Dialog
      id="edit-session-dialog"
      title={`修改场次：${SUBJECT_LABELS[session.subject]} ${shanghaiDateTime(session.startsAt)}`}
      actions={
        <>
          <Button id="edit-session-close" size="large" disabled={save.busy} onClick={onClose}>
            取消
          </Button>
          <Button id="edit-session-save" type="primary" size="large" loading={save.busy} disabled={save.busy} onClick={onSave}>
            保存
          </Button>
        </>
      }
    >
      <Field label={`考位数（已预约成功 ${booked} 人，不能少于此数）`}>
        <Input id="edit-session-capacity" className="jg-input" type="number" value={form.capacity} onInput={set('capacity')} />
      </Field>
      <Field label="考试时间（北京时间）">
        <Input id="edit-session-startsAt" className="jg-input" placeholder="2026-12-20 09:00" value={form.startsAt} onInput={set('startsAt')} />
      </Field>
      <Field label="考场">
        <Input id="edit-session-venue" className="jg-input" value={form.venue} onInput={set('venue')} />
      </Field>
      <Text className="jg-hint">改时间或考场后，系统会逐一通知已预约的学员；只改考位数不通知。</Text>
      <ErrorText id="edit-session-error" message={save.error} />
    </Dialog>
  )
}

export function CancelSessionDialog({ session, onClose, onDone }: Props) {
  const [reason, setReason] = useState('')
  const cancel = useSubmit(async (text: string) => onDone(await adminCancelSession(session.id, text)))
  const holders = session.allocation === 'RANKED' && !session.allocated ? session.applicantCount : session.confirmedCount

  const onConfirm = () => {
    const text = reason.trim()
    if (text.length < 2) return cancel.setError('请填写取消原因（至少两个字），学员会看到这段文字')
    void cancel.run(text)
  }

  return (
    <Dialog
      id="cancel-session-dialog"
      title="取消这个考试场次？"
      actions={
        <>
          <Button id="cancel-session-close" size="large" disabled={cancel.busy} onClick={onClose}>
            再想想
          </Button>
          <Button id="cancel-session-confirm" type="danger" size="large" loading={cancel.busy} disabled={cancel.busy} onClick={onConfirm}>
            确认取消场次
          </Button>
        </>
      }
    >
      <Text className="jg-hint">
        {SUBJECT_LABELS[session.subject]} · {shanghaiDateTime(session.startsAt)} · {session.venue.name}。取消后不能恢复；
        {holders > 0 ? `${holders} 名学员的预约将被取消，` : ''}不计入学员的预约次数，系统会通知每位学员原因并提醒重新预约。
      </Text>
      <Textarea
        id="cancel-session-reason"
        className="admin-exam-textarea"
        maxlength={100}
        value={reason}
        placeholder="取消原因，如：考场设备检修"
        onInput={(e) => setReason(e.detail.value)}
      />
      <ErrorText id="cancel-session-error" message={cancel.error} />
    </Dialog>
  )
}
