// 账号管理 for admins: the staff accounts, a new one (role and unit pickers; the server makes a
// one-time password, shown once here), deactivating (every session of the account ends at once)
// and reactivating, and resetting a password (the new one-time password shown once).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import StaffHome from '@/components/StaffHome'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import '@/components/accident.css'
import { createStaffAccount, listStaffAccounts, listUnitNames, resetStaffPassword, updateStaffAccount, type StaffAccount } from '@/api/staff'
import type { StaffRole } from '@/api/types'
import { useLoad } from '@/hooks/useLoad'
import { listInsurers } from '@/api/insurers'
import { useSubmit } from '@/hooks/useSubmit'
import { ROLE_LABELS, unitLabel } from '@/utils/labels'
import { formatShortDateTime } from '@jiaoguan/contracts/time'

const ROLES: StaffRole[] = ['officer', 'agent', 'admin', 'insurer']

export default function StaffAccountsPage() {
  const accounts = useLoad(() => listStaffAccounts())
  const units = useLoad(() => listUnitNames())
  const insurers = useLoad(() => listInsurers())
  const [insurer, setInsurer] = useState('')
  const [username, setUsername] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<StaffRole>('officer')
  const [unit, setUnit] = useState('')
  /** The one-time password just made, and for whom: shown once. */
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null)

  const create = useSubmit(async () => {
    const made = await createStaffAccount({ username: username.trim(), name: name.trim(), role, unit: role === 'officer' ? unit : undefined, insurer: role === 'insurer' ? insurer : undefined })
    setShown({ username: made.username, password: made.temporaryPassword ?? '' })
    setUsername('')
    setName('')
    await accounts.reload()
  })
  const act = useSubmit(async (a: StaffAccount, what: 'deactivate' | 'activate' | 'reset') => {
    if (what === 'reset') {
      const { temporaryPassword } = await resetStaffPassword(a.id)
      setShown({ username: a.username, password: temporaryPassword })
      // The one-time password shows at the top: bring it into view.
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
    } else {
      await updateStaffAccount(a.id, { active: what === 'activate' })
      void Taro.showToast({ title: what === 'activate' ? '已恢复' : '已停用', icon: 'success' })
    }
    await accounts.reload()
  })

  const onCreate = () => {
    if (!username.trim() || !name.trim()) create.setError('请填写用户名和姓名')
    else if (role === 'officer' && !unit) create.setError('民警账号必须选择所属大队')
    else if (role === 'insurer' && !insurer) create.setError('保险公司账号必须选择所属保险公司')
    else void create.run()
  }
  const confirmThen = async (a: StaffAccount, what: 'deactivate' | 'reset') => {
    const { confirm } = await Taro.showModal({
      title: what === 'deactivate' ? '停用账号' : '重置密码',
      content:
        what === 'deactivate'
          ? `停用后 ${a.displayName}（${a.username}）立即退出登录，不能再登录，直到恢复。`
          : `将为 ${a.displayName}（${a.username}）生成一次性密码，该账号立即退出登录，下次登录须设置新密码。`,
    })
    if (confirm) void act.run(a, what)
  }

  return (
    <StaffHome role="admin" title="账号管理">
      {shown && (
        <View id="staff-temporary" className="jg-card">
          <Text className="jg-subtitle">{shown.username} 的一次性密码（只显示这一次）</Text>
          <Text id="staff-temporary-password" className="jg-title" selectable userSelect>
            {shown.password}
          </Text>
          <Text className="jg-hint">请当面或电话告知本人。对方用它登录后必须马上设置自己的新密码。</Text>
          <Button id="staff-temporary-done" className="jg-button" size="large" onClick={() => setShown(null)}>
            已告知，关闭
          </Button>
        </View>
      )}

      <View id="staff-create" className="jg-card">
        <Text className="jg-subtitle">新建账号</Text>
        <Field label="用户名" hint="3到64位，字母、数字和 . _ -，例如 officer.tengzhou2">
          <Input id="staff-new-username" className="jg-input" value={username} onInput={(e) => setUsername(e.detail.value)} />
        </Field>
        <Field label="姓名">
          <Input id="staff-new-name" className="jg-input" value={name} onInput={(e) => setName(e.detail.value)} />
        </Field>
        <Field label="角色">
          <View className="jg-row">
            {ROLES.map((r) => (
              <Text key={r} id={`staff-role-${r}`} className={`jg-choice ${role === r ? 'jg-choice-on' : ''}`} onClick={() => setRole(r)}>
                {ROLE_LABELS[r]}
              </Text>
            ))}
          </View>
        </Field>
        {role === 'officer' && (
          <Field label="所属大队">
            <View className="jg-row">
              {(units.data?.items ?? []).map((u) => (
                <Text key={u.code} id={`staff-unit-${u.code}`} className={`jg-choice ${unit === u.code ? 'jg-choice-on' : ''}`} onClick={() => setUnit(u.code)}>
                  {unitLabel({ unit: u })}
                </Text>
              ))}
            </View>
          </Field>
        )}
        {role === 'insurer' && (
          <Field label="所属保险公司" hint="该账号只能看到本公司的理赔">
            <View className="jg-row">
              {(insurers.data?.items ?? []).map((i) => (
                <Text key={i.code} id={`staff-insurer-${i.code}`} className={`jg-choice ${insurer === i.code ? 'jg-choice-on' : ''}`} onClick={() => setInsurer(i.code)}>
                  {i.name}
                </Text>
              ))}
            </View>
          </Field>
        )}
        <Text className="jg-hint">系统会生成一次性密码，只在创建后显示一次；对方首次登录必须改成自己的密码（至少10个字符，不能与用户名相同）。</Text>
        <ErrorText id="staff-create-error" message={create.error} />
        <Button id="staff-create-submit" className="jg-button" type="primary" size="large" loading={create.busy} disabled={create.busy} onClick={onCreate}>
          创建账号
        </Button>
      </View>

      <View id="staff-list" className="jg-card">
        <Text className="jg-subtitle">全部账号（{accounts.data?.total ?? 0}个）</Text>
        <ErrorText id="staff-list-error" message={accounts.error || act.error} />
        {accounts.loading && !accounts.data && <Text className="jg-hint">正在加载…</Text>}
        {accounts.data?.items.map((a) => (
          <View key={a.id} id={`staff-${a.username}`} className="jg-field">
            <Text className="jg-label">
              {a.displayName}（{a.username}）· {ROLE_LABELS[a.role]}{a.insurer ? `（${a.insurer.name}）` : ''}
              {a.role === 'officer' ? ` · ${unitLabel(a)}` : ''}
            </Text>
            <View className="jg-row">
              <Text className={a.active ? 'jg-tag jg-tag-ok' : 'jg-tag jg-tag-warn'}>{a.active ? '正常' : '已停用'}</Text>
              {a.mustChangePassword && <Text className="jg-tag">待修改密码</Text>}
              <Text className="jg-hint">创建于 {formatShortDateTime(a.createdAt)}</Text>
            </View>
            <View className="jg-row">
              {a.active ? (
                <Button id={`staff-deactivate-${a.username}`} size="small" onClick={() => void confirmThen(a, 'deactivate')}>
                  停用
                </Button>
              ) : (
                <Button id={`staff-activate-${a.username}`} size="small" onClick={() => void act.run(a, 'activate')}>
                  恢复
                </Button>
              )}
              <Button id={`staff-reset-${a.username}`} size="small" onClick={() => void confirmThen(a, 'reset')}>
                重置密码
              </Button>
            </View>
          </View>
        ))}
      </View>
    </StaffHome>
  )
}
