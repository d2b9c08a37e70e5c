/**
 * Text messages to a phone: one-time codes that prove a resident holds the phone on record.
 * Locally a stand-in keeps them (and prints them, masked phone, for the person trying the demo);
 * in production an SMS provider's adapter goes here (Tencent Cloud SMS: a signed template).
 */
export interface SmsSender {
  readonly kind: 'local' | 'provider'
  send(phone: string, text: string): Promise<void>
}
