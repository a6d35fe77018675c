// 我的 → 账号与隐私: the privacy notice, and for a driver 注销账号 behind a dialog that says what
// goes and what stays; a deleted account logs out at once.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Dialog from '@/components/Dialog'
import ErrorText from '@/components/ErrorText'
import { clearSession } from '@/api/http'
import { deleteAccount } from '@/api/privacy'
import { useSubmit } from '@/hooks/useSubmit'
import { PAGES, open } from '@/utils/nav'
import './AccountPrivacy.css'

/** What deleting the account removes, and what the law keeps (the notice says the same). */
export const DELETION_REMOVES = ['微信账号标识和昵称', '身份绑定（姓名、身份证号）', '车辆绑定', '消息和订阅', '咨询记录', '所有登录（立即退出）']
export const DELETION_KEEPS = ['事故处理记录（含您在事故中填写的信息）', '考试预约和成绩', '操作记录']

interface AccountPrivacyProps {
  /** A driver may delete their account; staff accounts are managed by admins. */
  driver: boolean
  onDeleted: () => void
}

export default function AccountPrivacy({ driver, onDeleted }: AccountPrivacyProps) {
  const [confirming, setConfirming] = useState(false)
  const remove = useSubmit(async () => {
    await deleteAccount()
    clearSession()
    setConfirming(false)
    void Taro.showToast({ title: '账号已注销', icon: 'success' })
    onDeleted()
  })

  const close = () => {
    remove.setError('')
    setConfirming(false)
  }

  return (
    <View id="account-privacy" className="jg-card">
      <Text className="jg-subtitle">账号与隐私</Text>
      <View id="me-privacy" className="me-row" onClick={() => open(PAGES.privacy)}>
        <Text>个人信息保护说明</Text>
        <Text className="jg-hint">›</Text>
      </View>
      {driver && (
        <View id="me-delete-account" className="me-row" onClick={() => setConfirming(true)}>
          <Text className="me-danger">注销账号</Text>
          <Text className="jg-hint">›</Text>
        </View>
      )}
      {confirming && (
        <Dialog
          id="delete-account-dialog"
          title="确定注销账号吗？"
          actions={
            <>
              <Button id="delete-account-cancel" size="large" disabled={remove.busy} onClick={close}>
                取消
              </Button>
              <Button id="delete-account-confirm" type="danger" size="large" loading={remove.busy} disabled={remove.busy} onClick={() => void remove.run()}>
                确认注销
              </Button>
            </>
          }
        >
          <Text className="me-dialog-heading">将删除：</Text>
          {DELETION_REMOVES.map((item) => (
            <Text key={item} className="me-dialog-item">
              • {item}
            </Text>
          ))}
          <Text className="me-dialog-heading">按规定保留：</Text>
          {DELETION_KEEPS.map((item) => (
            <Text key={item} className="me-dialog-item">
              • {item}
            </Text>
          ))}
          <Text className="jg-hint me-dialog-note">保留的记录中，您的账号显示为“已注销用户”。注销后不能恢复；以后再用这个微信登录，会是一个新账号，需要重新绑定身份和车辆。</Text>
          <ErrorText id="delete-account-error" message={remove.error} />
        </Dialog>
      )}
    </View>
  )
}
