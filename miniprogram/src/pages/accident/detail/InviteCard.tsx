// The invitation for the other party: the six-digit code and, once fetched, its QR code.
import { Image, Text, View } from '@tarojs/components'
import type { AccidentCase, InviteQr } from '@/api/accidents'
import { shanghai } from '../labels'

export default function InviteCard({ c, qr }: { c: AccidentCase; qr: InviteQr | null }) {
  return (
    <View className="jg-card" id="case-invite">
      <Text className="jg-subtitle">邀请对方加入</Text>
      <Text id="invite-code" className="jg-code">
        {c.inviteCode}
      </Text>
      {qr && qr.inviteCode === c.inviteCode && <Image id="invite-qr" className="jg-qr" src={qr.image} mode="aspectFit" />}
      <Text className="jg-hint">对方可以输入邀请码，或扫描二维码加入。有效至 {shanghai(c.inviteExpiresAt)}。对方加入后这里会自动更新。</Text>
    </View>
  )
}
