// WeChat's privacy authorisation (weapp): the handler passes WeChat's request to the dialog, and
// the user's answer back; outside WeChat nothing is installed and nothing shows.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { resetTaroMock } from '../taro-mock'
import { byId } from '../helpers'
import PrivacyAuthorization from '@/components/PrivacyAuthorization'
import { answerPrivacy, installPrivacyHandler, privacyAsking } from '@/services/privacy'

type Resolve = (answer: { event: string; buttonId?: string }) => void
const env = process.env.TARO_ENV
let onNeed: jest.Mock

beforeEach(() => {
  resetTaroMock()
  onNeed = jest.fn()
  ;(globalThis as { wx?: unknown }).wx = { onNeedPrivacyAuthorization: onNeed }
})
afterEach(() => {
  process.env.TARO_ENV = env
  delete (globalThis as { wx?: unknown }).wx
})

it('installs nothing outside WeChat', () => {
  process.env.TARO_ENV = 'h5'
  installPrivacyHandler()
  expect(onNeed).not.toHaveBeenCalled()
})

it('in WeChat shows the dialog when asked, tells WeChat it is shown, and passes on the answer', async () => {
  process.env.TARO_ENV = 'weapp'
  installPrivacyHandler()
  expect(onNeed).toHaveBeenCalledTimes(1)
  render(<PrivacyAuthorization />)
  expect(document.getElementById('privacy-authorization')).toBeNull()

  const resolve = jest.fn<void, Parameters<Resolve>>()
  act(() => onNeed.mock.calls[0][0](resolve))
  expect(privacyAsking()).toBe(true)
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
  expect((await screen.findByText(/为办理事故快处/)).textContent).toContain('注销账号')
  expect(byId('privacy-read-notice').textContent).toBe('阅读《个人信息保护说明》')

  fireEvent.click(byId('privacy-disagree'))
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  expect(document.getElementById('privacy-authorization')).toBeNull()

  act(() => onNeed.mock.calls[0][0](resolve))
  act(() => answerPrivacy(true))
  expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
  expect(privacyAsking()).toBe(false)
  expect(document.getElementById('privacy-authorization')).toBeNull()
})
