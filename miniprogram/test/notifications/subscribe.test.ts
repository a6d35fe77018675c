// askToSubscribe: asks WeChat for the templates of the keys and reports the answers; silent in the browser.
import Taro from '@tarojs/taro'
import { request, resetTaroMock } from '../taro-mock'
import { queueReplies, reply, requestCall } from '../helpers'
import { saveSession } from '@/api/http'
import { askToSubscribe, lastAnswers, resetSubscribeCache } from '@/services/subscribe'

const taro = Taro as unknown as { getEnv: () => string; requestSubscribeMessage?: jest.Mock }
const originalGetEnv = taro.getEnv
const ids = { accident_progress: 'T-ACC', exam_booking: 'T-EXAM', consultation_reply: 'T-REPLY' }

beforeEach(() => {
  resetTaroMock()
  resetSubscribeCache()
  saveSession('driver-token', 'driver')
  taro.getEnv = originalGetEnv
  taro.requestSubscribeMessage = jest.fn()
})
afterAll(() => {
  taro.getEnv = originalGetEnv
  delete taro.requestSubscribeMessage
})

it('does nothing and reports nothing in the browser build', async () => {
  expect(await askToSubscribe(['accident_progress'])).toEqual({})
  expect(request).not.toHaveBeenCalled()
  expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
})

it('in WeChat asks for the configured template ids and reports accept and reject', async () => {
  taro.getEnv = () => 'WEAPP'
  taro.requestSubscribeMessage!.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-ACC': 'accept', 'T-EXAM': 'ban' })
  queueReplies(reply(200, { templates: ids }), reply(200, { items: [] }))
  const answers = await askToSubscribe(['accident_progress', 'exam_booking'])
  expect(answers).toEqual({ accident_progress: 'accept', exam_booking: 'reject' })
  expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-ACC', 'T-EXAM'] })
  expect(requestCall(1)).toMatchObject({
    url: 'http://api.test/api/me/subscriptions',
    method: 'POST',
    data: { templates: { accident_progress: 'accept', exam_booking: 'reject' } },
  })
  // 我的 shows the last answers on this phone; a later answer replaces only its own template.
  expect(lastAnswers()).toEqual({ accident_progress: 'accept', exam_booking: 'reject' })
  taro.requestSubscribeMessage!.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-EXAM': 'accept' })
  queueReplies(reply(200, { items: [] }))
  await askToSubscribe(['exam_booking'])
  expect(lastAnswers()).toEqual({ accident_progress: 'accept', exam_booking: 'accept' })
})

it('never throws when the user closes the dialog or WeChat refuses', async () => {
  taro.getEnv = () => 'WEAPP'
  taro.requestSubscribeMessage!.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
  queueReplies(reply(200, { templates: ids }))
  await expect(askToSubscribe(['consultation_reply'])).resolves.toEqual({})
  expect(request).toHaveBeenCalledTimes(1)
})
