// What an element really shows, for journeys that look at pixels rather than text (photos shown,
// signatures with ink).

/** Luminance statistics of what an element shows on screen (its screenshot, decoded in the page). */
export async function pixels(on, locator) {
  const png = await locator.screenshot()
  return on.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const ctx = c.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const d = ctx.getImageData(0, 0, c.width, c.height).data
    let dark = 0
    let sum = 0
    let sq = 0
    const n = d.length / 4
    for (let k = 0; k < d.length; k += 4) {
      const l = (d[k] + d[k + 1] + d[k + 2]) / 3
      if (l < 128) dark++
      sum += l
      sq += l * l
    }
    const mean = sum / n
    return { dark, total: n, spread: Math.sqrt(Math.max(0, sq / n - mean * mean)) }
  }, png.toString('base64'))
}
