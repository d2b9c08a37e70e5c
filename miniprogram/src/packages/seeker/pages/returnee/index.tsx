import { returneeSchema } from '@shared/jobs/seeker'
import type { PersonView } from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { ChoiceChips, DateBox, FormField } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { StateView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { type MeState, useMe } from '../../../../hooks/useMe'
import { todayInChina } from '../../../../utils/format'
import { showFormErrors, toastText } from '../../../../utils/toast'
import { seekerGate } from '../../SeekerGate'
import '../../seeker.scss'
import { confirmDiscard } from '../../../../utils/leave'

const LABELS: Record<string, string> = {
  returnedAt: '返乡日期',
  lastWorkplace: '原务工地',
  lastJob: '原从事工作',
  wantsLocalWork: '是否希望在本地就业',
  skills: '技能',
  wishes: '就业意愿',
}

interface Form {
  returnedAt: string
  lastWorkplace: string
  lastJob: string
  wantsLocalWork: 'yes' | 'no' | ''
  skills: string
  wishes: string
}
const EMPTY: Form = {
  returnedAt: '',
  lastWorkplace: '',
  lastJob: '',
  wantsLocalWork: '',
  skills: '',
  wishes: '',
}

const splitList = (text: string) =>
  text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * 返乡登记: a migrant worker back home tells the community where they worked, when they came
 * back, what they can do and whether they want work here. The coordinator confirms it; from
 * then on the daily job push sends them local vacancies that fit.
 */
export default function ReturneePage() {
  // `?person=<id>`: a coordinator registers a returnee met on a visit (走访返乡登记).
  const personId = useRouter().params.person ?? null
  const mine = useMe()
  const [visited, setVisited] = useState<MeState>({ status: 'loading' })
  const loadVisited = useCallback(async (): Promise<MeState> => {
    if (!personId) return { status: 'loading' }
    try {
      const next: MeState = { status: 'done', me: await api('getPerson', { params: { id: personId } }) }
      setVisited(next)
      return next
    } catch (e) {
      const next: MeState = { status: 'error', message: errorMessage(e) }
      setVisited(next)
      return next
    }
  }, [personId])
  useEffect(() => {
    if (personId) void loadVisited()
  }, [personId, loadVisited])
  const me = personId ? visited : mine.state
  const reloadMe = personId ? loadVisited : mine.reload
  const setMe = (p: PersonView) => (personId ? setVisited({ status: 'done', me: p }) : mine.setMe(p))
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [dirty, setDirty] = useState(false)
  const [done, setDone] = useState(false)

  // Registered before: start from what was given, to correct it.
  const existing = me.status === 'done' ? me.me.returnee : null
  const profileSkills = me.status === 'done' ? me.me.skills : null
  useEffect(() => {
    if (!existing) {
      // First registration: the skills already in the profile are the likeliest answer.
      if (profileSkills?.length) setForm((f) => (f.skills ? f : { ...f, skills: profileSkills.join('、') }))
      return
    }
    setForm({
      returnedAt: existing.returnedAt,
      lastWorkplace: existing.lastWorkplace,
      lastJob: existing.lastJob,
      wantsLocalWork: existing.wantsLocalWork ? 'yes' : 'no',
      skills: existing.skills.join('、'),
      wishes: existing.wishes,
    })
  }, [existing, profileSkills])

  const gate = seekerGate(me, () => void reloadMe(), {
    id: 'returnee-gate',
    icon: '返',
    desc: '返乡登记需要您的实名信息，社区核实后为您推荐本地岗位',
  })
  if (gate || me.status !== 'done') return gate

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setDirty(true)
    setErrors((e) => {
      const { [key]: _, ...rest } = e
      return rest
    })
  }

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(
      returneeSchema,
      {
        returnedAt: form.returnedAt || undefined,
        lastWorkplace: form.lastWorkplace,
        lastJob: form.lastJob,
        wantsLocalWork: form.wantsLocalWork === '' ? undefined : form.wantsLocalWork === 'yes',
        skills: splitList(form.skills),
        wishes: form.wishes,
      },
      LABELS,
    )
    if (!parsed.ok) {
      setErrors(parsed.errors)
      showFormErrors()
      return
    }
    setBusy(true)
    try {
      setMe(
        personId
          ? await api('registerReturneeOnVisit', { params: { id: personId }, body: parsed.data })
          : await api('registerReturnee', { body: parsed.data }),
      )
      setDirty(false)
      setDone(true)
      toastText('已登记')
    } catch (e) {
      if (isApiError(e) && e.issues?.length) setErrors(serverErrors(e.issues))
      else setErrors({ form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const confirmLeave = () => confirmDiscard(dirty, '放弃登记？')

  const r = me.me.returnee
  if (done && r && personId)
    return (
      <PageShell className="seeker">
        <StateView
          id="returnee-done"
          icon="✓"
          title={`已为${me.me.name}登记返乡信息`}
          desc="走访登记即确认“返乡农民工”身份；想在本地就业的，每天上午会收到适合的岗位推送。"
          action={
            <View
              className="btn btn--primary btn--small"
              hoverClass="btn--hover"
              onClick={() => void Taro.navigateBack()}
            >
              返回人员信息
            </View>
          }
        />
      </PageShell>
    )
  if (done && r)
    return (
      <PageShell className="seeker">
        <StateView
          id="returnee-done"
          icon="✓"
          title={r.confirmed ? '登记已更新' : '已登记，等待社区确认'}
          desc={
            r.wantsLocalWork
              ? '每天上午会把适合您的本地岗位推送到“消息”，也可以在“岗位”里看“为你推荐”；社区劳动保障协理员会与您联系确认。'
              : '社区劳动保障协理员会与您联系；想在本地找工作时，再来修改“是否希望在本地就业”。'
          }
          action={
            <View
              className="btn btn--primary btn--small"
              hoverClass="btn--hover"
              onClick={() => void Taro.switchTab({ url: '/pages/jobs/index' })}
            >
              看看岗位
            </View>
          }
        />
      </PageShell>
    )

  return (
    <PageShell className="seeker" beforeLeave={confirmLeave} guard={dirty}>
      <Text className="seeker__intro">
        {personId
          ? `走访登记：为 ${me.me.name}（${me.me.communityName ?? ''}）登记返乡信息，登记后即确认返乡农民工身份。`
          : r
            ? `您已于 ${r.registeredAt.slice(0, 10)} 登记${r.confirmed ? '，社区已确认' : '，等待社区确认'}。信息有变化可以在这里修改。`
            : '从外地务工返乡？登记后社区会为您推荐本地岗位、技能培训和创业扶持政策。'}
      </Text>
      <View className="card" id="returnee-form">
        <FormField label="返乡日期" error={errors.returnedAt}>
          <DateBox
            id="returnee-date"
            fields="day"
            value={form.returnedAt}
            end={todayInChina()}
            placeholder="请选择"
            onChange={(v) => set('returnedAt', v)}
          />
        </FormField>
        <FormField label="原务工地" error={errors.lastWorkplace}>
          <Input
            id="returnee-place"
            className="form-input"
            type="text"
            maxlength={40}
            value={form.lastWorkplace}
            placeholder="如：苏州工业园区"
            placeholderClass="form-placeholder"
            onInput={(e) => set('lastWorkplace', e.detail.value)}
          />
        </FormField>
        <FormField label="原从事工作" required={false} error={errors.lastJob}>
          <Input
            id="returnee-job"
            className="form-input"
            type="text"
            maxlength={30}
            value={form.lastJob}
            placeholder="如：电子厂操作工"
            placeholderClass="form-placeholder"
            onInput={(e) => set('lastJob', e.detail.value)}
          />
        </FormField>
        <FormField label="是否希望在本地就业" error={errors.wantsLocalWork}>
          <ChoiceChips
            idPrefix="returnee-local-"
            options={[
              { value: 'yes', label: '希望在本地就业' },
              { value: 'no', label: '暂不考虑' },
            ]}
            value={form.wantsLocalWork}
            onChange={(v) => set('wantsLocalWork', v as Form['wantsLocalWork'])}
          />
        </FormField>
        <FormField label="技能" required={false} error={errors.skills} hint="多个用顿号分开，如：电焊、叉车">
          <Input
            id="returnee-skills"
            className="form-input"
            type="text"
            maxlength={100}
            value={form.skills}
            placeholderClass="form-placeholder"
            onInput={(e) => set('skills', e.detail.value)}
          />
        </FormField>
        <FormField label="就业意愿" required={false} error={errors.wishes}>
          <Textarea
            id="returnee-wishes"
            className="form-textarea"
            maxlength={200}
            value={form.wishes}
            placeholder="想做什么工作、希望的工资、能否倒班等"
            placeholderClass="form-placeholder"
            onInput={(e) => set('wishes', e.detail.value)}
          />
        </FormField>
        {errors.form ? (
          <Text className="form-field__error" id="returnee-error">
            {errors.form}
          </Text>
        ) : null}
      </View>
      <View className="seeker__bar">
        <View
          id="returnee-submit"
          className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void submit()}
        >
          {busy ? '提交中…' : r ? '保存修改' : '提交登记'}
        </View>
      </View>
    </PageShell>
  )
}
