import { APPLICATION_TYPES, type ApplicationType } from '@shared/applications/application-types'
import { isStaffRole } from '@shared/auth/identity'
import { type FollowupTaskView, type ServiceKind, serviceRecordSchema } from '@shared/followups/followup'
import { HUKOU_TYPES, type PersonView } from '@shared/people/person'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../../../api/client'
import type { PersonHistoryReply } from '../../../../api/types'
import { ConfirmSheet, KeyValue } from '../../../../components/Application'
import { ChoiceChips } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, formatDateTime, todayInChina } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastError, toastText } from '../../../../utils/toast'
import { sessionsForPerson } from '../../../sessions/paths'
import { AgreementCard } from '../../components/AgreementCard'
import { EmploymentRegistrationCard } from '../../components/EmploymentRegistrationCard'
import { ExitCard } from '../../components/ExitCard'
import { HouseholdCard } from '../../components/HouseholdCard'
import { IdentityCard } from '../../components/IdentityCard'
import { KeyGroupsCard } from '../../components/KeyGroupsCard'
import { PersonPolicies } from '../../components/PersonPolicies'
import { ServiceTallyCard } from '../../components/ServiceTallyCard'
import { TaskBadges } from '../../components/TaskRow'
import {
  ageOn,
  channelLabel,
  employmentLabel,
  findTask,
  followupPath,
  isPersonId,
  isTaskId,
  periodLabel,
  rememberedTask,
  SERVICE_OPTIONS,
} from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

type PersonState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; person: PersonView }

type HistoryState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; history: PersonHistoryReply }

const listText = (items: readonly string[]): string => items.filter(Boolean).join('、')

const None = ({ text = '未填写' }: { text?: string }) => <Text className="muted">{text}</Text>

export default function PersonPage() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const taskId = isTaskId(router.params.taskId) ? router.params.taskId : null
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)

  const [state, setState] = useState<PersonState>({ status: 'loading' })
  const [history, setHistory] = useState<HistoryState>({ status: 'loading' })
  const [task, setTask] = useState<FollowupTaskView | null>(() =>
    taskId ? (rememberedTask(taskId) ?? null) : null,
  )
  const [taskChecked, setTaskChecked] = useState(false)
  const [revealing, setRevealing] = useState(false)

  const [serviceOpen, setServiceOpen] = useState(false)
  const [kind, setKind] = useState<ServiceKind | ''>('')
  const [note, setNote] = useState('')
  const [serviceErrors, setServiceErrors] = useState<FieldErrors>({})
  const [serviceBusy, setServiceBusy] = useState(false)
  const seq = useRef(0)

  /** The task's current state, for the 登记跟踪 button. */
  const lookupTask = useCallback(
    async (name: string, mine: number) => {
      if (!taskId) return
      try {
        const found = await findTask(taskId, name)
        if (found && mine === seq.current) setTask(found)
      } catch {
        // Keep what the list handed over; the buttons follow it.
      } finally {
        if (mine === seq.current) setTaskChecked(true)
      }
    },
    [taskId],
  )

  const loadHistory = useCallback(
    async (mine: number) => {
      try {
        const h = await api('personHistory', { params: { id } })
        if (mine === seq.current) setHistory({ status: 'done', history: h })
      } catch (e) {
        if (mine !== seq.current) return
        setHistory((s) => (s.status === 'done' ? s : { status: 'error', message: errorMessage(e) }))
      }
    },
    [id],
  )

  const load = useCallback(async () => {
    const mine = ++seq.current
    if (!isPersonId(id)) {
      setState({ status: 'not-found' })
      return
    }
    void loadHistory(mine)
    try {
      const person = await api('getPerson', { params: { id } })
      if (mine !== seq.current) return
      // Keep a revealed ID number shown across refreshes of the same card.
      setState((s) =>
        s.status === 'done' && !s.person.idNumberMasked
          ? { status: 'done', person: { ...person, idNumber: s.person.idNumber, idNumberMasked: false } }
          : { status: 'done', person },
      )
      void lookupTask(person.name, mine)
    } catch (e) {
      if (mine !== seq.current) return
      setState((s) => {
        if (s.status === 'done') return s
        const code = errorCode(e)
        if (code === 'PERSON.NOT_FOUND' || code === 'AUTH.FORBIDDEN') return { status: 'not-found' }
        return { status: 'error', message: errorMessage(e) }
      })
    }
  }, [id, loadHistory, lookupTask])

  // After an action on the card (employment registered, left follow-up, groups, identity), every
  // part of the card is read again: what one action changes shows in the others too.
  const [policiesRound, setPoliciesRound] = useState(0)
  const changed = (p: PersonView) => {
    setState({ status: 'done', person: p })
    setPoliciesRound((n) => n + 1)
    void load()
  }

  useEffect(() => {
    if (isStaff) void load()
  }, [isStaff, load])

  // Back from the follow-up form: the task and the history have changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    const handed = taskId ? rememberedTask(taskId) : undefined
    if (handed) setTask(handed)
    if (isStaff) void load()
  })

  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? load() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  if (state.status === 'loading')
    return (
      <PageShell className="staff wb">
        <LoadingView />
      </PageShell>
    )
  if (state.status === 'not-found')
    return (
      <PageShell className="staff wb">
        <StateView
          id="person-not-found"
          icon="?"
          title="没有找到此人"
          desc="人员信息可能已变更，或不在您的辖区内"
        />
      </PageShell>
    )
  if (state.status === 'error')
    return (
      <PageShell className="staff wb">
        <ErrorView id="person-error" message={state.message} onRetry={() => void load()} />
      </PageShell>
    )

  const { person } = state
  const age = ageOn(person.birthDate, todayInChina())
  const mayFollowUp = task !== null && task.status === 'open'

  /** 72 小时就业承诺 for an especially difficult person: a case with a deadline, escalated if missed. */
  const commit72h = async () => {
    const ok = await Taro.showModal({
      title: '作出 72 小时就业承诺？',
      content: `将为${person.name}建立安置个案，72 小时内未安置的自动上报街道（镇）督办。`,
      confirmText: '确认承诺',
      cancelText: '取消',
    })
    if (!ok.confirm) return
    try {
      await api('commitImmediateEmployment', { params: { id: person.id } })
      toastText('已建立 72 小时安置个案')
      openPage('/packages/staff/pages/placement-cases/index')
    } catch (e) {
      toastError(e)
    }
  }

  /** The full number is fetched only to call it, and the fetch is audited like the ID number. */
  const call = async () => {
    if (revealing) return
    const ok = await Taro.showModal({
      title: `拨打${person.name}的电话`,
      content: '将调取完整号码拨打，并留存查看记录；请仅在联系本人时使用。',
      confirmText: '拨打',
      cancelText: '取消',
    })
    if (!ok.confirm) return
    setRevealing(true)
    try {
      const full = await api('getPerson', { params: { id: person.id }, query: { reveal: 'phone' } })
      await Taro.makePhoneCall({ phoneNumber: full.phone }).catch(() => undefined)
      // A browser without a phone (a desk computer) dials nothing: the number, to dial by hand.
      if (process.env.TARO_ENV === 'h5')
        await Taro.showModal({
          title: '拨打电话',
          content: `如未自动拨号，请手动拨打 ${full.phone}`,
          showCancel: false,
          confirmText: '知道了',
        })
    } catch (e) {
      toastError(e)
    } finally {
      setRevealing(false)
    }
  }

  const reveal = async () => {
    if (revealing) return
    const ok = await Taro.showModal({
      title: '查看完整身份证号',
      content: '查看将留存记录，请仅在办理业务需要时查看。',
      confirmText: '查看',
      cancelText: '取消',
    })
    if (!ok.confirm) return
    setRevealing(true)
    try {
      const full = await api('getPerson', { params: { id: person.id }, query: { reveal: 'idNumber' } })
      setState({ status: 'done', person: full })
    } catch (e) {
      toastError(e)
    } finally {
      setRevealing(false)
    }
  }

  const openService = () => {
    setServiceErrors({})
    setServiceOpen(true)
  }

  const submitService = async () => {
    if (serviceBusy) return
    if (!kind) {
      setServiceErrors({ kind: '请选择服务类型' })
      return
    }
    const parsed = parseWith(
      serviceRecordSchema,
      { kind, note: note.trim() },
      { kind: '服务类型', note: '服务内容' },
    )
    if (!parsed.ok) {
      setServiceErrors(parsed.errors)
      return
    }
    setServiceBusy(true)
    try {
      const tally = await api('recordService', { params: { id: person.id }, body: parsed.data })
      setHistory((h) =>
        h.status === 'done' ? { status: 'done', history: { ...h.history, services131: tally } } : h,
      )
      setServiceOpen(false)
      setKind('')
      setNote('')
      toastText(`已登记${SERVICE_OPTIONS.find((o) => o.value === parsed.data.kind)?.label ?? '服务'}`)
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setServiceErrors(Object.keys(fields).length > 0 ? fields : { form: errorMessage(e) })
    } finally {
      setServiceBusy(false)
    }
  }

  const taskNote = (): string | null => {
    if (!taskId) return null
    if (!task) return taskChecked ? '未能查到这项跟踪任务，请从工作台重新进入' : null
    if (task.status === 'done')
      return `${periodLabel(task.period)}的跟踪已于 ${task.doneAt ? formatDateTime(task.doneAt) : '本月'} 登记`
    if (task.status === 'missed') return `${periodLabel(task.period)}漏跟踪，任务已在月末关闭`
    return null
  }
  const noteText = taskNote()

  return (
    <PageShell className="staff wb wb--with-bar">
      <View className="card wb-person" id="person-card">
        <View className="wb-person__top">
          <View className="wb-person__avatar">
            <Text>{person.name.slice(0, 1)}</Text>
          </View>
          <View className="wb-person__who">
            <View className="task-row__name-line">
              <Text id="person-name" className="wb-person__name">
                {person.name}
              </Text>
              {task ? <TaskBadges task={task} /> : null}
            </View>
            <Text className="wb-person__sub">
              {person.gender === 'female' ? '女' : '男'}
              {age !== null ? ` · ${age} 岁` : ''} · {person.communityName ?? '本辖区'}
            </Text>
          </View>
        </View>
        <KeyValue
          label="身份证号"
          id="person-id-number"
          value={
            <View className="wb-id-row">
              <Text className="wb-id-row__text">{person.idNumber}</Text>
              {person.idNumberMasked ? (
                <View
                  id="person-id-reveal"
                  className={`btn btn--ghost btn--small${revealing ? ' btn--disabled' : ''}`}
                  hoverClass="btn--hover"
                  onClick={() => void reveal()}
                >
                  {revealing ? '…' : '显示'}
                </View>
              ) : null}
            </View>
          }
        />
        <KeyValue
          label="联系电话"
          id="person-phone"
          value={
            person.phone ? (
              <View className="wb-id-row">
                <Text className="wb-id-row__text">{person.phone}</Text>
                <View
                  id="person-call"
                  className={`btn btn--ghost btn--small${revealing ? ' btn--disabled' : ''}`}
                  hoverClass="btn--hover"
                  onClick={() => void call()}
                >
                  拨打
                </View>
              </View>
            ) : (
              <None />
            )
          }
        />
        {task ? (
          <KeyValue
            label="本期跟踪"
            id="person-task"
            value={
              <View className="wb-lines">
                <Text>
                  {periodLabel(task.period)} · {task.statusLabel}
                </Text>
                <Text className={task.overdue ? 'task-row__due--late' : 'muted'}>
                  截止 {formatDate(task.due)}
                </Text>
              </View>
            }
          />
        ) : null}
      </View>

      {noteText ? (
        <View className="note note--info" id="person-task-note">
          <Text>{noteText}</Text>
        </View>
      ) : null}

      <View className="card" id="person-five">
        <Text className="card-title">五清情况</Text>
        <KeyValue
          label="就业状态"
          id="person-employment"
          value={
            <View className="wb-lines">
              <Text>
                {employmentLabel(person.employmentStatus)}
                {person.employmentSince ? `（${formatDate(person.employmentSince)} 起）` : ''}
              </Text>
              {person.reportedEmployment ? (
                <Text className="kg-pending" id="person-reported">
                  居民自报：{employmentLabel(person.reportedEmployment.status)}
                  {person.reportedEmployment.since
                    ? `（${formatDate(person.reportedEmployment.since)} 起）`
                    : ''}
                  ，待跟踪核实
                </Text>
              ) : null}
            </View>
          }
        />
        <KeyValue label="技能特长" value={person.skills.length ? listText(person.skills) : <None />} />
        <KeyValue
          label="求职意向"
          value={
            person.jobWishes.occupations.length ||
            person.jobWishes.places.length ||
            person.jobWishes.expectedPay ? (
              <View className="wb-lines">
                {person.jobWishes.occupations.length ? (
                  <Text>岗位：{listText(person.jobWishes.occupations)}</Text>
                ) : null}
                {person.jobWishes.places.length ? (
                  <Text>地点：{listText(person.jobWishes.places)}</Text>
                ) : null}
                {person.jobWishes.expectedPay ? (
                  <Text>期望月薪：{person.jobWishes.expectedPay} 元</Text>
                ) : null}
              </View>
            ) : (
              <None />
            )
          }
        />
        <KeyValue
          label="家庭情况"
          value={
            person.family.householdSize || person.family.situation ? (
              <View className="wb-lines">
                {person.family.householdSize ? <Text>家庭人口 {person.family.householdSize} 人</Text> : null}
                {person.family.situation ? <Text>{person.family.situation}</Text> : null}
              </View>
            ) : (
              <None />
            )
          }
        />
        <KeyValue
          label="培训意愿"
          value={
            person.trainingWish.wants === null ? (
              <None />
            ) : person.trainingWish.wants ? (
              <Text>
                愿意参加
                {person.trainingWish.courses.length ? `：${listText(person.trainingWish.courses)}` : ''}
              </Text>
            ) : (
              <Text>暂不需要</Text>
            )
          }
        />
        <KeyValue label="户籍" value={person.hukou ? HUKOU_TYPES[person.hukou] : <None />} />
      </View>

      <View className="card" id="person-jobs">
        <Text className="card-title">返乡与岗位</Text>
        <KeyValue
          label="返乡登记"
          id="person-returnee"
          value={
            person.returnee ? (
              <View className="wb-lines">
                <Text>
                  {formatDate(person.returnee.returnedAt)} 从{person.returnee.lastWorkplace}返乡
                  {person.returnee.lastJob ? `（原${person.returnee.lastJob}）` : ''}
                </Text>
                <Text>{person.returnee.wantsLocalWork ? '希望在本地就业' : '暂不考虑本地就业'}</Text>
                {person.returnee.wishes ? <Text>意愿：{person.returnee.wishes}</Text> : null}
                <Text className="muted">
                  {person.returnee.registeredBy} 登记{person.returnee.confirmed ? '' : '，待确认'}
                </Text>
              </View>
            ) : (
              <None />
            )
          }
        />
        <KeyValue
          label="公益性岗位"
          id="person-welfare"
          value={
            person.publicWelfarePost ? (
              <Text>
                {person.publicWelfarePost.employer} {person.publicWelfarePost.post}，
                {formatDate(person.publicWelfarePost.since)} 起
                {person.publicWelfarePost.until ? `至 ${formatDate(person.publicWelfarePost.until)}` : ''}
              </Text>
            ) : (
              <Text className="muted">无</Text>
            )
          }
        />
        <View
          id="person-register-returnee"
          className="btn btn--ghost btn--small"
          hoverClass="btn--hover"
          onClick={() =>
            openPage(`/packages/seeker/pages/returnee/index?person=${encodeURIComponent(person.id)}`)
          }
        >
          {person.returnee ? '修改返乡登记' : '走访返乡登记'}
        </View>
        <View
          id="person-commit-72h"
          className="btn btn--ghost btn--small"
          hoverClass="btn--hover"
          onClick={() => void commit72h()}
        >
          72 小时就业承诺
        </View>
        <View
          id="person-book-session"
          className="btn btn--ghost btn--small"
          hoverClass="btn--hover"
          onClick={() => openPage(sessionsForPerson(person.id, person.name))}
        >
          代为预约指导/培训
        </View>
      </View>

      <View className="card" id="person-apply">
        <Text className="card-title">代为申请</Text>
        <Text className="muted">经本人同意，可代其在线提交申请；提交后本人会收到通知。</Text>
        <View className="wb-links">
          {(Object.entries(APPLICATION_TYPES) as [ApplicationType, { label: string }][]).map(
            ([type, spec]) => (
              <View
                key={type}
                id={`person-apply-${type}`}
                className="wb-link"
                hoverClass="btn--hover"
                onClick={() =>
                  openPage(`/pages/apply/index?type=${type}&person=${encodeURIComponent(person.id)}`)
                }
              >
                <Text>{spec.label}</Text>
                <Text className="wb-link__arrow">›</Text>
              </View>
            ),
          )}
        </View>
      </View>

      <KeyGroupsCard person={person} onChange={changed} />
      <AgreementCard person={person} />
      <EmploymentRegistrationCard person={person} role={session.session.role} onChange={changed} />
      <HouseholdCard person={person} />
      <ExitCard person={person} onChange={changed} />
      {session.session.role !== 'county' ? <IdentityCard person={person} onChange={changed} /> : null}
      <PersonPolicies key={policiesRound} personId={person.id} />

      {history.status === 'done' ? <ServiceTallyCard tally={history.history.services131} /> : null}

      {history.status === 'done' && history.history.bookings.length > 0 ? (
        <View className="card" id="person-bookings">
          <Text className="card-title">预约与参加</Text>
          {history.history.bookings.map((b) => (
            <View key={b.id} className="list-item__head" id={`person-booking-${b.sessionId}`}>
              <Text className="wb-record__line">
                {formatDate(b.startsAt)} {b.kindLabel}「{b.sessionTitle}」
              </Text>
              <Text
                className={`tag ${b.status === 'no_show' ? 'tag--accent' : b.status === 'attended' ? 'tag--ok' : 'tag--muted'}`}
              >
                {b.statusLabel}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="card" id="person-history">
        <Text className="card-title">跟踪记录</Text>
        {history.status === 'loading' ? <LoadingView /> : null}
        {history.status === 'error' ? (
          <ErrorView id="person-history-error" message={history.message} onRetry={() => void load()} />
        ) : null}
        {history.status === 'done' && history.history.followups.length === 0 ? (
          <Text className="muted">暂无跟踪记录</Text>
        ) : null}
        {history.status === 'done' && history.history.followups.length > 0 ? (
          <View className="timeline">
            {history.history.followups.map((r, i) => (
              <View
                key={r.id}
                id={`followup-record-${r.id}`}
                className={`timeline-entry${i === 0 ? ' timeline-entry--latest' : ''}`}
              >
                <View className="timeline-entry__head">
                  <Text className="timeline-entry__action">
                    {channelLabel(r.channel)} · {employmentLabel(r.employmentStatus)}
                  </Text>
                  <Text className="timeline-entry__time">{formatDateTime(r.at)}</Text>
                </View>
                <Text className="timeline-entry__actor">{r.actor}</Text>
                <Text className="timeline-entry__reason">{r.outcome}</Text>
                {r.employmentSince ? (
                  <Text className="wb-record__line">就业状态自 {formatDate(r.employmentSince)} 起</Text>
                ) : null}
                {r.nextStep ? <Text className="wb-record__line">下一步：{r.nextStep}</Text> : null}
                {r.note ? <Text className="wb-record__line">备注：{r.note}</Text> : null}
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <View className="wb-bar">
        <View
          id="person-record-service"
          className="btn btn--ghost"
          hoverClass="btn--hover"
          onClick={openService}
        >
          登记服务
        </View>
        <View
          id="person-record-followup"
          className="btn btn--primary"
          hoverClass="btn--hover"
          onClick={() => openPage(followupPath(mayFollowUp ? task.id : '', person.id))}
        >
          登记跟踪
        </View>
      </View>

      <ConfirmSheet
        open={serviceOpen}
        title="登记 131 服务"
        confirmText="登记"
        confirmId="service-submit"
        busy={serviceBusy}
        onConfirm={() => void submitService()}
        onCancel={() => setServiceOpen(false)}
      >
        <Text className="wb-sheet__label">服务类型</Text>
        <ChoiceChips
          id="service-kind"
          idPrefix="service-kind-"
          options={SERVICE_OPTIONS}
          value={kind}
          onChange={(v) => {
            setKind(v as ServiceKind)
            setServiceErrors({})
          }}
        />
        {serviceErrors.kind ? <Text className="form-field__error">{serviceErrors.kind}</Text> : null}
        <Text className="wb-sheet__label">服务内容</Text>
        <Textarea
          id="service-note"
          className="form-textarea"
          maxlength={300}
          value={note}
          placeholder="如：推荐到某企业面试仓管岗位"
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setNote(e.detail.value)
            setServiceErrors({})
          }}
        />
        {serviceErrors.note ? <Text className="form-field__error">{serviceErrors.note}</Text> : null}
        {serviceErrors.form ? <Text className="form-field__error">{serviceErrors.form}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
