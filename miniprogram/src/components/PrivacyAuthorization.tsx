// The dialog WeChat's privacy check asks for (weapp): the notice's summary, a link to the whole
// notice, 不同意 and 同意 (a button with openType="agreePrivacyAuthorization"). Rendered by every
// page (PageShell); shows only while WeChat waits for an answer, and never in the browser build.
import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Dialog from './Dialog'
import { AGREE_BUTTON_ID, answerPrivacy, onPrivacyAsking, privacyAsking } from '@/services/privacy'
import { NOTICE_SUMMARY } from '@/pages/privacy/notice'
import { PAGES, open } from '@/utils/nav'

export default function PrivacyAuthorization() {
  const [asking, setAsking] = useState(privacyAsking)
  useEffect(() => onPrivacyAsking(setAsking), [])
  if (process.env.TARO_ENV !== 'weapp' || !asking) return null
  return (
    <Dialog
      id="privacy-authorization"
      title="个人信息保护提示"
      actions={
        <>
          <Button id="privacy-disagree" size="large" onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button id={AGREE_BUTTON_ID} type="primary" size="large" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={() => answerPrivacy(true)}>
            同意
          </Button>
        </>
      }
    >
      <Text>{NOTICE_SUMMARY}</Text>
      <Text id="privacy-read-notice" className="jg-dialog-link" onClick={() => open(PAGES.privacy)}>
        阅读《个人信息保护说明》
      </Text>
    </Dialog>
  )
}
