const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/**
 * A key that makes a submission safe to retry: made once when a form opens and sent with every
 * attempt, so the server answers a retry with the application the first attempt created. Not a
 * secret; Math.random is enough (and exists on every mini-program runtime).
 */
export const newIdempotencyKey = (): string => {
  let rand = ''
  for (let i = 0; i < 16; i++) rand += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return `k${Date.now().toString(36)}${rand}`
}
