// Shows an error message in the warning colour, or nothing when there is none.
import { Text } from '@tarojs/components'

interface ErrorTextProps {
  id: string
  message: string
}

export default function ErrorText({ id, message }: ErrorTextProps) {
  if (!message) return null
  return (
    <Text id={id} className="jg-error">
      {message}
    </Text>
  )
}
