import { capturedLogs, capturedResponses } from './test-app'

/**
 * After every integration test file: no response and no log line may carry a full resident ID
 * number or mobile number — except the owner's (or entitled staff's) explicit `reveal` reply
 * (`?reveal=…`, or a `…/reveal` route such as 实名核实's),
 * and a unit's explicit reading of the phone an applicant agreed to share.
 * Digits inside a longer alphanumeric run (request ids are hex UUIDs) are not such numbers.
 */
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dX](?![\dA-Za-z])/
const MOBILE = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/

afterAll(() => {
  const leaks: string[] = []
  for (const r of capturedResponses) {
    if (r.path.includes('reveal=idNumber') || r.path.includes('reveal=phone') || r.path.endsWith('/reveal'))
      continue
    for (const [what, re] of [
      ['ID number', ID_NUMBER],
      ['mobile', MOBILE],
    ] as const) {
      const hit = re.exec(r.body)
      if (hit)
        leaks.push(
          `${what} in the reply to ${r.method} ${r.path}: …${r.body.slice(Math.max(0, hit.index - 40), hit.index)}`,
        )
    }
  }
  for (const line of capturedLogs) {
    if (ID_NUMBER.test(line) || MOBILE.test(line))
      leaks.push(`personal number in a log line: ${line.slice(0, 200)}`)
  }
  if (leaks.length) throw new Error(`personal data leaked:\n${leaks.join('\n')}`)
})
