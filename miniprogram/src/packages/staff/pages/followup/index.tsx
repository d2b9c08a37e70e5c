import { isStaffRole } from '@shared/auth/identity'
import { type Channel, type FollowupTaskView, followupRecordSchema } from '@shared/followups/followup'
import type { AgreementItemView } from '@shared/people/agreement'
import type { EmploymentStatus, PersonView } from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../../../api/client'
import { ChoiceChips, DateBox, FormField } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { type FieldErrors, hasErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, todayInChina } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { goBackOr } from '../../../../utils/nav'
import { showFormErrors, toastText } from '../../../../utils/toast'
import { TaskBadges } from '../../components/TaskRow'
import {
  backToWorkbench,
  CHANNEL_OPTIONS,
  employmentLabel,
  findTask,
  isPersonId,
  isTaskId,
  periodLabel,
  rememberedTask,
  rememberTask,
  STATUS_OPTIONS,
  WORKBENCH_PATH,
} from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

type PersonState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; person: PersonView }

interface Form {
  channel: Channel | ''
  outcome: string
  employmentStatus: EmploymentStatus | ''
  employmentSince: string
  nextStep: string
  note: string
}

const LABELS = {
  channel: '跟踪方式',
  outcome: '跟踪情况',
  employmentStatus: '就业状态',
  employmentSince: '状态开始日期',
  nextStep: '下一步计划',
  note: '备注',
}

const optional = (text: string): string | undefined => (text.trim() ? text.trim() : undefined)

export default function FollowupPage() {
  const router = useRouter()
  const taskId = router.params.taskId ?? ''
  const personId = router.params.personId ?? ''
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const [state, setState] = useState<PersonState>({ status: 'loading' })
  const [task, setTask] = useState<FollowupTaskView | null>(() => rememberedTask(taskId) ?? null)
  const [form, setForm] = useState<Form>({
    channel: '',
    outcome: '',
    employmentStatus: '',
    employmentSince: '',
    nextStep: '',
    note: '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  // The signed agreement's items still to deliver: this follow-up may tick some off.
  const [openItems, setOpenItems] = useState<AgreementItemView[]>([])
  const [ticked, setTicked] = useState<string[]>([])
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    // No task: an unplanned visit or call, recorded from the person card.
    if ((taskId && !isTaskId(taskId)) || !isPersonId(personId)) {
      setState({ status: 'not-found' })
      return
    }
    try {
      const person = await api('getPerson', { params: { id: personId } })
      if (mine !== seq.current) return
      setState({ status: 'done', person })
      api('getAgreement', { params: { id: personId } })
        .then(({ agreement }) => {
          if (mine === seq.current && agreement?.status === 'signed')
            setOpenItems(agreement.items.filter((i) => !i.doneAt))
        })
        .catch(() => undefined) // the record can be made without it
      // Start from what is on record: most follow-ups confirm the status, some change it.
      setForm((f) => (f.employmentStatus ? f : { ...f, employmentStatus: person.employmentStatus }))
      // Opened from a link rather than the list: learn whether the task is still open.
      if (taskId)
        findTask(taskId, person.name)
          .then((found) => {
            if (found && mine === seq.current) setTask((t) => (t?.status === 'done' ? t : found))
          })
          .catch(() => undefined)
    } catch (e) {
      if (mine !== seq.current) return
      const code = errorCode(e)
      setState(
        code === 'PERSON.NOT_FOUND' || code === 'AUTH.FORBIDDEN'
          ? { status: 'not-found' }
          : { status: 'error', message: errorMessage(e) },
      )
    }
  }, [taskId, personId])

  useEffect(() => {
    if (isStaff) void load()
  }, [isStaff, load])

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
          id="followup-not-found"
          icon="?"
          title="没有找到这项跟踪任务"
          desc="请回到跟踪服务工作台重新选择"
        />
      </PageShell>
    )
  if (state.status === 'error')
    return (
      <PageShell className="staff wb">
        <ErrorView id="followup-error" message={state.message} onRetry={() => void load()} />
      </PageShell>
    )

  const { person } = state
  const closed = task !== null && task.status !== 'open'
  const statusChanged = form.employmentStatus !== '' && form.employmentStatus !== person.employmentStatus

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => {
      if (!(key in e)) return e
      const next = { ...e }
      delete next[key]
      return next
    })
    setFormError('')
  }

  const submit = async () => {
    if (busy || saved) return
    const missing: FieldErrors = {}
    if (!form.channel) missing.channel = '请选择跟踪方式'
    if (!form.employmentStatus) missing.employmentStatus = '请选择就业状态'
    const parsed = parseWith(
      followupRecordSchema,
      {
        channel: form.channel || undefined,
        outcome: form.outcome.trim(),
        employmentStatus: form.employmentStatus || undefined,
        employmentSince: optional(form.employmentSince),
        nextStep: optional(form.nextStep),
        note: optional(form.note),
        ...(ticked.length ? { agreementItems: ticked } : {}),
      },
      LABELS,
    )
    const found = { ...(parsed.ok ? {} : parsed.errors), ...missing }
    if (!parsed.ok || hasErrors(found)) {
      setErrors(found)
      setFormError('请按提示补充后再提交')
      showFormErrors()
      return
    }
    setBusy(true)
    try {
      if (!taskId) {
        const reply = await api('recordPersonFollowup', { params: { id: personId }, body: parsed.data })
        setSaved(true)
        toastText(reply.completedTasks ? `已登记，完成 ${reply.completedTasks} 项跟踪任务` : '跟踪记录已登记')
        setTimeout(() => goBackOr(WORKBENCH_PATH), 900)
        return
      }
      const reply = await api('recordFollowup', { params: { id: taskId }, body: parsed.data })
      rememberTask(reply.task)
      setTask(reply.task)
      setSaved(true)
      toastText('跟踪记录已登记')
      setTimeout(backToWorkbench, 900)
    } catch (e) {
      if (errorCode(e) === 'TASK.CLOSED') {
        const done = task ? { ...task, status: 'done' as const, statusLabel: '已完成' } : null
        if (done) rememberTask(done)
        toastText(errorMessage(e))
        setTimeout(backToWorkbench, 1500)
        return
      }
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(fields)
      setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  // Typing not yet saved: leaving asks first, by the back bar or the phone's own back.
  const dirty = !saved && (Object.values(form).some((v) => v.trim() !== '') || ticked.length > 0)

  return (
    <PageShell className="staff wb" beforeLeave={() => confirmDiscard(dirty)} guard={dirty}>
      <View className="card wb-person wb-person--compact" id="followup-person">
        <View className="task-row__name-line">
          <Text className="wb-person__name">{person.name}</Text>
          {task ? <TaskBadges task={task} /> : null}
        </View>
        <Text className="wb-person__sub">
          <Text className="nowrap">{person.communityName ?? '本辖区'}</Text>
          {' · '}现登记为{employmentLabel(person.employmentStatus)}
          {person.employmentSince ? (
            <Text className="nowrap">（{formatDate(person.employmentSince)} 起）</Text>
          ) : null}
        </Text>
        {task ? (
          <Text className="wb-person__sub">
            {periodLabel(task.period)}跟踪 · 截止 {formatDate(task.due)}
          </Text>
        ) : null}
      </View>

      {closed ? (
        <StateView
          id="followup-closed"
          icon="✓"
          title={
            saved
              ? '跟踪记录已登记'
              : task?.status === 'done'
                ? '这项跟踪已登记'
                : '这项跟踪任务已漏跟踪，月末已关闭'
          }
          desc={saved ? '正在返回工作台…' : '无需重复登记'}
          action={
            <View className="btn btn--ghost btn--small" hoverClass="btn--hover" onClick={backToWorkbench}>
              返回工作台
            </View>
          }
        />
      ) : (
        <>
          <View className="card">
            <FormField id="followup-channel" label="跟踪方式" error={errors.channel}>
              <ChoiceChips
                idPrefix="followup-channel-"
                options={CHANNEL_OPTIONS}
                value={form.channel}
                onChange={(v) => set('channel', v as Channel)}
              />
            </FormField>
            <FormField
              id="followup-outcome-field"
              label="跟踪情况"
              error={errors.outcome}
              hint="本人近况、求职进展、遇到的困难等"
            >
              <Textarea
                id="followup-outcome"
                className="form-textarea"
                maxlength={300}
                value={form.outcome}
                placeholder="如：已在某纺织厂上班，签订一年劳动合同"
                placeholderClass="form-placeholder"
                onInput={(e) => set('outcome', e.detail.value)}
              />
              <Text className="form-count">{form.outcome.length}/300</Text>
            </FormField>
          </View>

          <View className="card">
            <FormField
              id="followup-status"
              label="就业状态"
              error={errors.employmentStatus}
              hint={`现登记为${employmentLabel(person.employmentStatus)}；有变化请重新选择`}
            >
              <ChoiceChips
                idPrefix="followup-status-"
                options={STATUS_OPTIONS}
                value={form.employmentStatus}
                onChange={(v) => set('employmentStatus', v as EmploymentStatus)}
              />
            </FormField>
            <FormField
              id="followup-since"
              label="状态开始日期"
              required={false}
              error={errors.employmentSince}
              hint={statusChanged ? '就业状态变化的日期；不填按今天登记' : '就业状态未变时无需填写'}
            >
              <DateBox
                id="followup-since-picker"
                fields="day"
                value={form.employmentSince}
                end={todayInChina()}
                start="2000-01-01"
                placeholder="请选择日期"
                onChange={(v) => set('employmentSince', v)}
              />
            </FormField>
            <FormField
              id="followup-next-step-field"
              label="下一步计划"
              required={false}
              error={errors.nextStep}
            >
              <Input
                id="followup-next-step"
                className="form-input"
                type="text"
                maxlength={200}
                value={form.nextStep}
                placeholder="如：下月推荐两个岗位"
                placeholderClass="form-placeholder"
                onInput={(e) => set('nextStep', e.detail.value)}
              />
            </FormField>
            <FormField id="followup-note-field" label="备注" required={false} error={errors.note}>
              <Textarea
                id="followup-note"
                className="form-textarea wb-textarea--short"
                maxlength={300}
                value={form.note}
                placeholder="其他需要说明的情况"
                placeholderClass="form-placeholder"
                onInput={(e) => set('note', e.detail.value)}
              />
            </FormField>
          </View>

          {openItems.length ? (
            <View className="card" id="followup-agreement">
              <Text className="card-title">援助协议事项</Text>
              <Text className="muted">本次跟踪完成了哪些约定的服务？点选后随记录一并登记。</Text>
              <View className="chips">
                {openItems.map((i) => (
                  <View
                    key={i.id}
                    id={`followup-item-${i.id}`}
                    className={`chip${ticked.includes(i.id) ? ' chip--on' : ''}`}
                    onClick={() => {
                      setTicked((t) => (t.includes(i.id) ? t.filter((x) => x !== i.id) : [...t, i.id]))
                      setFormError('')
                    }}
                  >
                    <Text>
                      {i.kindLabel}：{i.label}
                    </Text>
                  </View>
                ))}
              </View>
              {errors.agreementItems ? (
                <Text className="form-field__error">{errors.agreementItems}</Text>
              ) : null}
            </View>
          ) : null}

          {formError ? (
            <Text className="form-error-note" id="followup-form-error">
              {formError}
            </Text>
          ) : null}

          <View className="form-actions">
            <View
              id="followup-submit"
              className={`btn btn--primary${busy || saved ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void submit()}
            >
              {saved ? '已登记' : busy ? '提交中…' : '提交跟踪记录'}
            </View>
          </View>
        </>
      )}
    </PageShell>
  )
}
