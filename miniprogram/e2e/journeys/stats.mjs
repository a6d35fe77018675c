// Browser journeys of the statistics: the admin opens 统计报表 from the workbench, every chart is
// drawn on its canvas (pixels that are not background) and each table shows the server's numbers;
// an officer opens it from their workbench and sees their own unit only.

/** How many pixels of the chart's canvas are neither transparent nor white. */
async function inkedPixels(page, chart) {
  return page.evaluate((id) => {
    const canvas = [...document.querySelectorAll(`#stats-chart-${id} canvas`)].find((c) => c.offsetParent !== null)
    if (!canvas) return -1
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
    let n = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) n++
    return n
  }, chart)
}

/** The rows of a chart's table as the page shows them (cells joined by commas, like the CSV). */
async function tableRows(visible, chart) {
  const table = visible(`#stats-table-${chart}`)
  await table.waitFor()
  return table.locator('.stats-row').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim()).join(',')))
}

/** The server's answer for the page's range, asked with the page's own token. */
async function serverStats(page, query) {
  return page.evaluate(async (q) => {
    const token = JSON.parse(localStorage.getItem('jg.token')).data
    const res = await fetch(`/api/admin/stats?${new URLSearchParams(q)}`, { headers: { Authorization: `Bearer ${token}` } })
    return res.json()
  }, query)
}

export default [
  {
    name: 'the admin sees every chart drawn, with its numbers in a table and a CSV download',
    async run({ page, loginStaff, expect, helpers: { visible, textOf } }) {
      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff('admin')
      await visible('#admin-stats').click()
      await page.waitForURL(/packages\/stats\/index\/index/)
      await visible('#stats-summary').waitFor()
      const scope = await textOf('#stats-scope')
      expect(/^全部大队，\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}$/.test(scope), `scope says ${scope}`)
      const [from, to] = scope.match(/\d{4}-\d{2}-\d{2}/g)

      for (const chart of ['accidents', 'decisions', 'consultations', 'notifications']) {
        await visible(`#stats-chart-${chart} canvas`).waitFor()
        const inked = await inkedPixels(page, chart)
        expect(inked > 500, `the ${chart} chart looks blank (${inked} inked pixels)`)
      }

      const stats = await serverStats(page, { from, to })
      const rows = await tableRows(visible, 'accidents')
      expect(rows[0] === '日期,提交审核,其中重新提交,确认,退回补充,转现场处理,移交其他大队', `accident table head: ${rows[0]}`)
      expect(rows.length === stats.accidents.byDay.length + 2, `accident table has ${rows.length} rows`)
      const t = stats.accidents.totals
      const total = `合计,${t.submitted},${t.resubmitted},${t.confirmed},${t.returned},${t.transferred},${t.handedOver}`
      expect(rows.at(-1) === total, `accident totals ${rows.at(-1)} instead of ${total}`)
      expect(t.submitted + t.confirmed + t.returned > 0, 'the demo cases are not counted')
      const sub = stats.notifications.byChannel.SUBSCRIBE
      const channels = await tableRows(visible, 'notifications')
      expect(channels.includes(`订阅消息,${sub.sent},${sub.failed},${sub.pending},${sub.skipped}`), `channel rows: ${channels.join(' | ')}`)

      // The demo exam sessions lie ahead: the next 30 days show their fill rate.
      await visible('#stats-range-next30').click()
      await page.waitForFunction((f) => [...document.querySelectorAll('#stats-scope')].some((e) => e.offsetParent && !e.textContent.includes(f)), from)
      await visible('#stats-chart-exams canvas').waitFor()
      expect((await inkedPixels(page, 'exams')) > 500, 'the exam chart looks blank')
      const [next30From, next30To] = (await textOf('#stats-scope')).match(/\d{4}-\d{2}-\d{2}/g)
      const exams = (await serverStats(page, { from: next30From, to: next30To })).exams
      const examRows = await tableRows(visible, 'exams')
      const fill = exams.fillRate === null ? '—' : `${(exams.fillRate * 100).toFixed(1)}%`
      expect(exams.sessions > 0 && examRows.at(-1) === `合计,${exams.sessions},${exams.capacity},${exams.confirmed},${fill},${exams.noShows},${exams.cancelled}`, `exam rows: ${examRows.join(' | ')}`)

      // A unit narrows the figures to that unit.
      await visible('#stats-unit-tengzhou').click()
      await page.waitForFunction(() => [...document.querySelectorAll('#stats-scope')].some((e) => e.offsetParent && e.textContent.startsWith('滕州大队')))

      const download = page.waitForEvent('download')
      await visible('#stats-csv-exams').click()
      const file = await download
      expect(file.suggestedFilename() === `stats-exams-${next30From}-${next30To}.csv`, `downloaded ${file.suggestedFilename()}`)
      await page.evaluate(() => window.scrollTo(0, 0))
    },
  },
  {
    name: "an officer opens the statistics from the workbench and sees their own unit's figures only",
    async run({ page, loginStaff, expect, helpers: { visible, textOf } }) {
      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff('officer.tengzhou')
      await visible('#officer-stats-link').click()
      await page.waitForURL(/packages\/stats\/index\/index/)
      await visible('#stats-summary').waitFor()
      expect((await textOf('#stats-scope')).startsWith('滕州大队，'), 'the officer does not see their unit')
      expect((await page.locator('#stats-units >> visible=true').count()) === 0, 'an officer is offered the unit choice')
      await visible('#stats-chart-accidents canvas').waitFor()
      expect((await inkedPixels(page, 'accidents')) > 500, 'the accident chart looks blank')
    },
  },
]
