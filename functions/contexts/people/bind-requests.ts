import { createHash } from 'node:crypto'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { maskIdNumber, maskMobile } from '../../../shared/people/identity-numbers'
import type { BindRequestView, MeUpdate } from '../../../shared/people/person'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { type BindRequestRecord, bindRequests } from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { notifierFor } from '../inbox/notifier'
import { regionLabel } from '../regions/region-directory'
import { assertCommunity, bindProven, byIdHash, findMyPerson, firstRecordNeeds } from './me'

/**
 * 社区核实: the other proof of identity. A resident whose code never came (the registry holds an
 * old phone, or none) asks their community to confirm them; the coordinator checks the ID card
 * in person or by a call and confirms, and the bind is done as if the code had been entered.
 * The resident's answer is the same whether the ID number is in the registry or not.
 */
const requestId = (account: string) => `br_${createHash('sha256').update(account).digest('hex').slice(0, 24)}`

const toView = (r: BindRequestRecord): BindRequestView => ({
  step: 'pending_confirmation',
  status: r.status === 'withdrawn' ? 'refused' : r.status,
  communityName: regionLabel(r.community),
  createdAt: r.createdAt,
  note: r.status === 'refused' ? r.note : null,
})

export const requestBindConfirmation = async (deps: Deps, who: Identity, input: MeUpdate) => {
  firstRecordNeeds(input)
  assertCommunity(input.community)
  if (await findMyPerson(deps, who)) throw new AppError('PERSON.ALREADY_BOUND')
  const cipher = piiCipher(deps.env)
  const at = deps.clock.now()
  const account = `wx:${who.openid}`
  const { idNumber, phone, ...profile } = input
  const record: BindRequestRecord = {
    id: requestId(account),
    accountId: account,
    status: 'pending',
    community: input.community,
    name: input.name,
    idHash: cipher.lookupHash('id', idNumber!),
    idNumberSealed: cipher.encrypt(idNumber!),
    idNumberMasked: maskIdNumber(idNumber!),
    phoneSealed: cipher.encrypt(phone!),
    phoneMasked: maskMobile(phone!),
    profile,
    createdAt: at.toISOString(),
    decidedAt: null,
    decidedBy: null,
    note: null,
  }
  // One open request per account: asking again replaces what it says.
  const saved =
    (await deps.store.update(bindRequests, record.id, record)) ??
    (await deps.store.insert(bindRequests, record))
  await recordAudit(deps.store, at, who, { action: 'person.bind-request', subject: record.id, result: 'ok' })
  return toView(saved)
}

export const myBindRequest = async (deps: Deps, who: Identity): Promise<BindRequestView> => {
  const r = await deps.store.get(bindRequests, requestId(`wx:${who.openid}`))
  if (!r || r.status === 'confirmed') throw new AppError('BIND_REQUEST.NOT_FOUND')
  return toView(r)
}

/** The queue of a coordinator (their community) or a street office (its communities). */
export const listBindRequests = async (deps: Deps, who: Identity, cursor?: string) => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const page = await deps.store.find(bindRequests, {
    where: [
      { field: 'community', op: 'prefix', value: who.region },
      { field: 'status', op: 'eq', value: 'pending' },
    ],
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: 20,
    cursor,
  })
  const cipher = piiCipher(deps.env)
  const items = []
  for (const r of page.items) {
    const existing = await byIdHash(deps, r.idHash)
    items.push({
      id: r.id,
      name: r.name,
      idNumberMasked: r.idNumberMasked,
      phoneMasked: r.phoneMasked,
      community: r.community,
      communityName: regionLabel(r.community),
      createdAt: r.createdAt,
      // What the registry holds for this ID number, so the coordinator knows what to check.
      registry: !existing
        ? { state: 'new' as const, note: '登记库中没有该身份证号：确认后新建实名档案' }
        : existing.accountId
          ? { state: 'bound' as const, note: '该身份证号已绑定其他微信账号：请核实后再处理' }
          : {
              state: 'visit' as const,
              note: [
                existing.name === r.name
                  ? `入户登记的档案（${regionLabel(existing.community) ?? existing.community}）：确认后归其本人`
                  : `入户登记的档案姓名为「${existing.name}」，与申请不一致：请核对证件`,
                existing.phoneSealed && cipher.decrypt(existing.phoneSealed) !== cipher.decrypt(r.phoneSealed)
                  ? `档案登记的手机号为 ${existing.phoneMasked}，与申请填写的不同（验证码发往档案号码）`
                  : null,
              ]
                .filter(Boolean)
                .join('；'),
            },
    })
  }
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'person.bind-requests.view',
    subject: who.region,
    result: 'ok',
    detail: { count: items.length },
  })
  return { items, nextCursor: page.nextCursor }
}

/** A pending request of the caller's region, or a 404 (audited) as if there were none. */
const pendingInScope = async (deps: Deps, who: Identity, id: string, action: string) => {
  const r = await deps.store.get(bindRequests, id)
  if (r?.status !== 'pending' || !who.region || !isWithinRegion(r.community, who.region)) {
    await recordAudit(deps.store, deps.clock.now(), who, { action, subject: id, result: 'refused' })
    throw new AppError('BIND_REQUEST.NOT_FOUND')
  }
  return r
}

export const decideBindRequest = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: { decision: 'confirm' | 'refuse'; note: string },
) => {
  const r = await pendingInScope(deps, who, id, 'person.bind-confirm')
  const at = deps.clock.now()
  const resident: Identity = { openid: r.accountId.replace(/^wx:/, ''), role: 'resident', region: null }
  const cipher = piiCipher(deps.env)
  let personId: string | null = null
  if (input.decision === 'confirm') {
    const view = await bindProven(deps, resident, {
      ...(r.profile as Omit<MeUpdate, 'idNumber' | 'phone'>),
      name: r.name,
      idNumber: cipher.decrypt(r.idNumberSealed),
      phone: cipher.decrypt(r.phoneSealed),
      community: r.community,
    }).catch((err) => {
      // Said to the coordinator, not to a resident: what stands in the way and what to do.
      if (err instanceof AppError && err.code === 'PERSON.ID_TAKEN')
        throw new AppError('BIND_REQUEST.CANNOT_CONFIRM', {
          message:
            '该身份证号已绑定其他微信账号，不能确认。请核实后选择“不予确认”，如确属本人换号，请联系县级管理员处理',
        })
      if (err instanceof AppError && err.code === 'PERSON.NAME_MISMATCH')
        throw new AppError('BIND_REQUEST.CANNOT_CONFIRM', {
          message: '申请姓名与入户登记档案的姓名不一致。请先核对证件，在人员信息中更正档案姓名后再确认',
        })
      throw err
    })
    personId = view.id
  }
  const decided = await deps.store.update(
    bindRequests,
    id,
    {
      status: input.decision === 'confirm' ? 'confirmed' : 'refused',
      decidedAt: at.toISOString(),
      decidedBy: `wx:${who.openid}`,
      note: input.note,
    },
    { expect: { status: 'pending' } },
  )
  if (!decided) throw new AppError('BIND_REQUEST.NOT_FOUND')
  await recordAudit(deps.store, at, who, {
    action: `person.bind-${input.decision}`,
    subject: id,
    result: 'ok',
    detail: personId ? { personId } : undefined,
  })
  const notifier = await notifierFor(deps)
  if (personId) {
    await notifier.notify(
      `psn:${personId}`,
      { title: '实名信息已由社区核实', body: '您可以在线办理就业服务了。' },
      at,
    )
  } else {
    // Not yet a person: the message goes to the account that asked.
    await notifier.notify(
      r.accountId,
      { title: '社区未能核实您的实名信息', body: `${input.note}。如有疑问请携带身份证到社区办理。` },
      at,
    )
  }
  return { id, status: decided.status }
}

/** The full ID number and phone of a request, for the coordinator checking the card or calling; audited. */
export const revealBindRequest = async (deps: Deps, who: Identity, id: string) => {
  const r = await pendingInScope(deps, who, id, 'person.bind-reveal')
  const at = deps.clock.now()
  await recordAudit(deps.store, at, who, { action: 'person.bind-reveal', subject: id, result: 'ok' })
  const cipher = piiCipher(deps.env)
  return { idNumber: cipher.decrypt(r.idNumberSealed), phone: cipher.decrypt(r.phoneSealed) }
}
