// The plate field on the case page and the vehicle binding: the province picker fills the first
// character, the rest is upper-cased, and a malformed plate is explained before anything is sent.
import { useState } from 'react'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as taro from '../taro-mock'
import { byId, reply, requestCall, typeInto } from '../helpers'
import { baseCase } from './case-fixture'
import { saveSession } from '@/api/http'
import DetailPage from '@/pages/accident/detail/index'
import PlateInput from '@/components/PlateInput'

beforeEach(() => {
  taro.resetTaroMock()
  saveSession('driver-token', 'driver')
})

const click = (id: string) => fireEvent.click(byId(id))

function Harness({ initial = '' }: { initial?: string }) {
  const [plate, setPlate] = useState(initial)
  return (
    <>
      <PlateInput id="plate" value={plate} onChange={setPlate} />
      <span id="plate-value">{plate}</span>
    </>
  )
}

describe('PlateInput', () => {
  it('starts with 鲁 and opens a grid of provinces with 鲁 first', () => {
    render(<Harness />)
    expect(byId('plate-province').textContent).toContain('鲁')
    expect(document.getElementById('plate-provinces')).toBeNull()
    click('plate-province')
    const keys = [...byId('plate-provinces').children].map((k) => k.textContent)
    expect(keys[0]).toBe('鲁')
    expect(keys).toHaveLength(31)
  })

  it('fills the first character from the picker and upper-cases what is typed after it', async () => {
    render(<Harness />)
    click('plate-province')
    click('plate-province-苏')
    expect(document.getElementById('plate-provinces')).toBeNull()
    await typeInto('plate', 'a 12345')
    expect(byId('plate-value').textContent).toBe('苏A12345')
    expect(byId('plate-hint').textContent).toBe('苏A12345')
  })

  it('keeps the serial when the province changes afterwards', async () => {
    render(<Harness initial="鲁DD12345" />)
    expect(byId('plate-hint').textContent).toContain('新能源')
    click('plate-province')
    click('plate-province-京')
    expect(byId('plate-value').textContent).toBe('京DD12345')
  })

  it('says what is wrong while typing', async () => {
    render(<Harness />)
    await typeInto('plate', 'do1234')
    expect(byId('plate-hint').textContent).toContain('字母 I 和 O')
    await typeInto('plate', 'd123')
    expect(byId('plate-hint').textContent).toContain('还差 2 位')
  })
})

/** Negotiating, one vehicle: the details form is shown. */
const editableCase = { ...baseCase, status: 'NEGOTIATING', statusText: '协商中', vehicleCount: 1, inviteCode: undefined, missingSlots: [], events: [], actions: ['EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'ANSWER', 'CANCEL'] }

describe('case page details', () => {
  beforeEach(() => {
    jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: '7' }, path: '' })
    taro.request.mockImplementation(async (o: { url: string; method?: string }) =>
      o.url.endsWith('/scenarios') ? reply(200, { items: [], total: 0 }) : reply(200, editableCase),
    )
  })

  async function fillOthers() {
    await typeInto('details-driverName', '张伟')
    await typeInto('details-licenceNumber', '370402198503121010')
    await typeInto('details-phone', '13800000001')
    await typeInto('details-insurer', '中国人保')
  }

  it('explains a malformed plate and sends nothing', async () => {
    render(<DetailPage />)
    await screen.findByText('保存，下一步')
    await typeInto('details-plate', 'd1234')
    await fillOthers()
    const before = taro.request.mock.calls.length
    click('details-save')
    expect(byId('details-error').textContent).toContain('还差 1 位')
    expect(taro.request.mock.calls.length).toBe(before)
  })

  it('sends the plate made of the picked province and the typed rest', async () => {
    render(<DetailPage />)
    await screen.findByText('保存，下一步')
    click('details-plate-province')
    click('details-plate-province-京')
    await typeInto('details-plate', 'ad12345')
    await fillOthers()
    click('details-save')
    await waitFor(() => expect(taro.request.mock.calls.some((c) => c[0].method === 'PUT')).toBe(true))
    const put = taro.request.mock.calls.findIndex((c) => c[0].method === 'PUT')
    expect(requestCall(put).data).toMatchObject({ plate: '京AD12345', driverName: '张伟' })
  })

  it('offers the insurers of the directory: a tap fills in the company and shows its claims hotline', async () => {
    const directory = [
      { code: 'PICC', name: '中国人保财险', hotline: '95518' },
      { code: 'PAIC', name: '平安产险', hotline: '95511' },
    ]
    taro.request.mockImplementation(async (o: { url: string }) =>
      o.url.endsWith('/api/insurers') ? reply(200, { items: directory }) : o.url.endsWith('/scenarios') ? reply(200, { items: [], total: 0 }) : reply(200, editableCase),
    )
    render(<DetailPage />)
    await waitFor(() => byId('details-insurer-PAIC'))
    click('details-insurer-PAIC')
    expect(byId('details-insurer-hotline').textContent).toBe('平安产险理赔电话 95511')
    await typeInto('details-plate', 'd12345')
    await typeInto('details-driverName', '张伟')
    await typeInto('details-licenceNumber', '370402198503121010')
    await typeInto('details-phone', '13800000001')
    click('details-save')
    await waitFor(() => expect(taro.request.mock.calls.some((c) => c[0].method === 'PUT')).toBe(true))
    const put = taro.request.mock.calls.findIndex((c) => c[0].method === 'PUT')
    expect(requestCall(put).data).toMatchObject({ insurer: '平安产险' })
  })
})
