/**
 * Structured logging, one JSON object per line.
 *
 * Personal data never reaches a log: known-sensitive keys are dropped and anything that looks
 * like a resident ID number or a mobile number is masked wherever it appears in a value.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

const SENSITIVE_KEYS = new Set([
  'authorization',
  'cookie',
  'token',
  'password',
  'secret',
  'idnumber',
  'phone',
  'mobile',
  'openid',
  'code',
  'body',
])

const ID_NUMBER = /\b(\d{3})\d{11}(\d{3}[\dXx])\b/g
const MOBILE = /\b(1[3-9]\d)\d{4}(\d{4})\b/g

export const maskText = (text: string): string =>
  text.replace(ID_NUMBER, '$1***********$2').replace(MOBILE, '$1****$2')

export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 6) return '[deep]'
  if (typeof value === 'string') return maskText(value)
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value instanceof Error) return { name: value.name, message: maskText(value.message) }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) ? '[redacted]' : redact(v, depth + 1)
    }
    return out
  }
  return value
}

export type LogSink = (line: string) => void

let sink: LogSink = (line) => process.stdout.write(`${line}\n`)
let threshold: LogLevel | 'silent' = (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info'

/** Tests capture every line (and scan them for personal data); the host may redirect. */
export const setLogSink = (next: LogSink): void => {
  sink = next
}
export const setLogLevel = (level: LogLevel | 'silent'): void => {
  threshold = level
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
  child(fields: Record<string, unknown>): Logger
}

export const createLogger = (base: Record<string, unknown> = {}): Logger => {
  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[threshold]) return
    const entry = redact({ level, time: new Date().toISOString(), msg, ...base, ...fields })
    sink(JSON.stringify(entry))
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...base, ...fields }),
  }
}

export const logger = createLogger()
