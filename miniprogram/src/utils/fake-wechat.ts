// Browser stand-in for wx.login: builds the one-time code the fake WeChat accepts.

/** The code the fake WeChat accepts: fake:<name>:<random>; the name picks the account, each code works once. */
export function fakeCode(name: string): string {
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  return `fake:${name}:${random}`
}

/** Browser stand-in for the getPhoneNumber button: the code the fake WeChat reads as this phone number. */
export function fakePhoneCode(phone: string): string {
  return `fake-phone:${phone}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}
