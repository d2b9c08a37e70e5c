import { KEY_GROUPS, type KeyGroup } from '@shared/people/person'
import { SESSION_KINDS, type SessionKind, sessionInputSchema } from '@shared/sessions/session'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { ChoiceChips, DateBox, FormField, SelectBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useRegions } from '../../../../hooks/useRegions'
import { useSession } from '../../../../hooks/useSession'
import { todayInChina } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { showFormErrors, toastText } from '../../../../utils/toast'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../../sessions/sessions.scss'
import { sessionRollPath } from '../../../sessions/paths'

const LABELS: Record<string, string> = {
  kind: '活动类型',
  title: '活动名称',
  region: '举办地区',
  place: '活动地点',
  onlineLink: '线上链接',
  startsAt: '开始时间',
  endsAt: '结束时间',
  capacity: '名额',
  slots: '时段',
  moreDates: '后续课程日期',
  keyGroups: '面向人群',
  regions: '限本地区居民',
  bookingOpensAt: '开放预约时间',
  description: '活动说明',
}

interface Form {
  kind: SessionKind
  title: string
  region: string
  place: string
  onlineLink: string
  date: string
  start: string
  end: string
  capacity: string
  /** One-to-one guidance: minutes per slot ('' = a group session). */
  slotMinutes: string
  /** Further course dates, each with a key that stays while others are removed. */
  moreDates: { k: number; d: string }[]
  keyGroups: KeyGroup[]
  /** Only residents of the chosen region may book. */
  localOnly: boolean
  /** When booking opens ('' = at once). */
  opensDate: string
  opensTime: string
  description: string
}
const EMPTY: Form = {
  kind: 'career_guidance',
  title: '',
  region: '',
  place: '',
  onlineLink: '',
  date: '',
  start: '09:00',
  end: '11:00',
  capacity: '',
  slotMinutes: '',
  moreDates: [],
  keyGroups: [],
  localOnly: false,
  opensDate: '',
  opensTime: '09:00',
  description: '',
}

/** "2026-12-12" + "09:00" in China time as an instant. */
const at = (date: string, time: string) => (date && time ? `${date}T${time}:00+08:00` : undefined)

/** Slots of `minutes` from start to end: one seat each. */
const slotsOf = (date: string, start: string, end: string, minutes: number) => {
  const from = Date.parse(`${date}T${start}:00+08:00`)
  const to = Date.parse(`${date}T${end}:00+08:00`)
  const out: { startsAt: string; endsAt: string }[] = []
  for (let t = from; t + minutes * 60_000 <= to && out.length < 60; t += minutes * 60_000)
    out.push({ startsAt: new Date(t).toISOString(), endsAt: new Date(t + minutes * 60_000).toISOString() })
  return out
}

/**
 * 发布活动: kind, name, where and when, seats — or, for one-to-one guidance, time slots of one
 * seat each; a training course's further dates; who may book. Published at once: residents
 * see it in 预约服务.
 */
export default function SessionEditPage() {
  const { state: session, reload } = useSession()
  const region = session.status === 'done' ? session.session.region : null
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState(false)
  const places = useRegions(region)

  const gate = staffGate(session, () => void reload(), {
    name: '发布活动',
    idPrefix: 'session-edit',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>
  if (session.session.role !== 'street' && session.session.role !== 'county')
    return (
      <PageShell className="staff wb">
        <Text className="sessions__intro" id="session-edit-hosts-only">
          活动由街道（镇）和县人社部门发布。社区可在“活动与预约”中代居民预约。
        </Text>
      </PageShell>
    )

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setDirty(true)
    setErrors((e) => {
      const { [key]: _, form: __, ...rest } = e
      return rest
    })
  }
  const oneToOne =
    form.slotMinutes !== '' && (form.kind === 'career_guidance' || form.kind === 'startup_guidance')
  const slots =
    oneToOne && form.date ? slotsOf(form.date, form.start, form.end, Number(form.slotMinutes)) : []
  const regionOptions = [
    { code: session.session.region ?? '', name: `${session.session.regionName ?? ''}（全辖区）` },
    ...places.items,
  ]
  // The office's whole area unless a town or community is chosen.
  const regionValue = form.region || (session.session.region ?? '')
  const regionIndex = regionOptions.findIndex((r) => r.code === regionValue)

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(
      sessionInputSchema,
      {
        kind: form.kind,
        title: form.title,
        region: regionValue || undefined,
        place: form.place,
        ...(form.onlineLink.trim() ? { onlineLink: form.onlineLink.trim() } : {}),
        startsAt: at(form.date, form.start),
        endsAt: at(form.date, form.end),
        capacity: oneToOne ? slots.length : form.capacity.trim() === '' ? undefined : Number(form.capacity),
        ...(oneToOne ? { slots } : {}),
        ...(form.kind === 'training' && form.moreDates.length
          ? {
              moreDates: form.moreDates
                .filter((m) => m.d)
                .map((m) => ({ startsAt: at(m.d, form.start), endsAt: at(m.d, form.end) })),
            }
          : {}),
        keyGroups: form.keyGroups,
        regions: form.localOnly && regionValue ? [regionValue] : [],
        ...(form.opensDate ? { bookingOpensAt: at(form.opensDate, form.opensTime) } : {}),
        description: form.description,
      },
      LABELS,
    )
    if (!parsed.ok) {
      // No date yet: say so under the date, not as a missing start and end.
      const { endsAt: _noEnd, ...rest } = parsed.errors
      setErrors(form.date ? parsed.errors : { ...rest, startsAt: '请选择日期' })
      showFormErrors()
      return
    }
    setBusy(true)
    try {
      const made = await api('createSession', { body: parsed.data })
      setDirty(false)
      toastText('已发布，居民可预约')
      Taro.redirectTo({ url: sessionRollPath(made.id) })
    } catch (e) {
      if (isApiError(e) && e.issues?.length) setErrors(serverErrors(e.issues))
      else setErrors({ form: errorMessage(e) })
      showFormErrors()
    } finally {
      setBusy(false)
    }
  }

  const today = todayInChina()
  const maxDay = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
  return (
    <PageShell className="staff wb" beforeLeave={() => confirmDiscard(dirty, '放弃发布活动？')} guard={dirty}>
      <View className="card" id="session-form">
        <FormField label="活动类型" error={errors.kind}>
          <ChoiceChips
            id="session-kind"
            idPrefix="session-kind-"
            options={(Object.entries(SESSION_KINDS) as [SessionKind, string][]).map(([value, label]) => ({
              value,
              label,
            }))}
            value={form.kind}
            onChange={(v) => set('kind', v as SessionKind)}
          />
        </FormField>
        <FormField label="活动名称" error={errors.title}>
          <Input
            id="session-title"
            className="form-input"
            value={form.title}
            maxlength={40}
            placeholder="如：求职面试辅导"
            placeholderClass="form-placeholder"
            onInput={(e) => set('title', e.detail.value)}
          />
        </FormField>
        <FormField label="举办地区" error={errors.region} hint="该地区的居民优先看到">
          <Picker
            id="session-region"
            mode="selector"
            range={regionOptions.map((r) => r.name)}
            value={Math.max(0, regionIndex)}
            onChange={(e) => set('region', regionOptions[Number(e.detail.value)]?.code ?? '')}
          >
            <SelectBox text={regionIndex >= 0 ? regionOptions[regionIndex]?.name : ''} placeholder="请选择" />
          </Picker>
        </FormField>
        <FormField label="活动地点" error={errors.place}>
          <Input
            id="session-place"
            className="form-input"
            value={form.place}
            maxlength={80}
            placeholder="如：海安镇人力资源服务站二楼"
            placeholderClass="form-placeholder"
            onInput={(e) => set('place', e.detail.value)}
          />
        </FormField>
        <FormField label="线上链接" required={false} error={errors.onlineLink} hint="线上活动可只填链接">
          <Input
            id="session-link"
            className="form-input"
            value={form.onlineLink}
            maxlength={300}
            placeholder="https://"
            placeholderClass="form-placeholder"
            onInput={(e) => set('onlineLink', e.detail.value)}
          />
        </FormField>
        <FormField label={form.kind === 'training' ? '第一次课日期' : '日期'} error={errors.startsAt}>
          <DateBox
            id="session-date"
            value={form.date}
            fields="day"
            start={today}
            end={maxDay}
            initial={today}
            placeholder="请选择日期"
            onChange={(v) => set('date', v)}
          />
        </FormField>
        <FormField label="时间" error={errors.endsAt}>
          <View className="session__actions">
            <Picker
              id="session-start"
              mode="time"
              value={form.start}
              onChange={(e) => set('start', String(e.detail.value))}
            >
              <SelectBox text={`开始 ${form.start}`} placeholder="开始" />
            </Picker>
            <Picker
              id="session-end"
              mode="time"
              value={form.end}
              onChange={(e) => set('end', String(e.detail.value))}
            >
              <SelectBox text={`结束 ${form.end}`} placeholder="结束" />
            </Picker>
          </View>
        </FormField>
        {form.kind === 'training' ? (
          <FormField label="后续课程日期" required={false} error={errors.moreDates} hint="时间同第一次课">
            {form.moreDates.map((m, i) => (
              <View className="session__actions" key={m.k}>
                <DateBox
                  id={`session-more-${i}`}
                  value={m.d}
                  fields="day"
                  start={form.date || today}
                  end={maxDay}
                  initial={form.date || today}
                  placeholder="请选择日期"
                  onChange={(v) =>
                    set(
                      'moreDates',
                      form.moreDates.map((x) => (x.k === m.k ? { ...x, d: v } : x)),
                    )
                  }
                />
                <View
                  className="btn btn--plain btn--small"
                  onClick={() =>
                    set(
                      'moreDates',
                      form.moreDates.filter((_, j) => j !== i),
                    )
                  }
                >
                  删除
                </View>
              </View>
            ))}
            <View
              id="session-more-add"
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() =>
                set('moreDates', [
                  ...form.moreDates,
                  { k: Math.max(0, ...form.moreDates.map((x) => x.k)) + 1, d: '' },
                ])
              }
            >
              添加一次课
            </View>
          </FormField>
        ) : null}
        {form.kind === 'career_guidance' || form.kind === 'startup_guidance' ? (
          <FormField label="形式" required={false} error={errors.slots}>
            <ChoiceChips
              id="session-format"
              idPrefix="session-format-"
              options={[
                { value: '', label: '集体指导' },
                { value: '30', label: '一对一 · 每人 30 分钟' },
                { value: '60', label: '一对一 · 每人 1 小时' },
              ]}
              value={form.slotMinutes}
              onChange={(v) => set('slotMinutes', v)}
            />
          </FormField>
        ) : null}
        {oneToOne ? (
          <Text className="session__meta" id="session-slot-count">
            按所选时间共 {slots.length} 个时段，每个时段 1 人。
          </Text>
        ) : (
          <FormField label="名额（人）" error={errors.capacity}>
            <Input
              id="session-capacity"
              className="form-input"
              type="digit"
              value={form.capacity}
              placeholder="如：30"
              placeholderClass="form-placeholder"
              onInput={(e) => set('capacity', e.detail.value)}
            />
          </FormField>
        )}
        <FormField label="面向人群" required={false} error={errors.keyGroups} hint="不选则所有居民都可预约">
          <View className="chips" id="session-groups">
            {(Object.entries(KEY_GROUPS) as [KeyGroup, string][]).map(([g, label]) => (
              <View
                key={g}
                id={`session-group-${g}`}
                className={`chip${form.keyGroups.includes(g) ? ' chip--on' : ''}`}
                onClick={() =>
                  set(
                    'keyGroups',
                    form.keyGroups.includes(g)
                      ? form.keyGroups.filter((x) => x !== g)
                      : [...form.keyGroups, g],
                  )
                }
              >
                {label}
              </View>
            ))}
          </View>
        </FormField>
        <FormField label="谁可以预约" required={false} error={errors.regions}>
          <ChoiceChips
            id="session-local"
            idPrefix="session-local-"
            options={[
              { value: 'all', label: '所有居民' },
              { value: 'local', label: '仅举办地区的居民' },
            ]}
            value={form.localOnly ? 'local' : 'all'}
            onChange={(v) => set('localOnly', v === 'local')}
          />
        </FormField>
        <FormField
          label="开放预约时间"
          required={false}
          error={errors.bookingOpensAt}
          hint="不选则发布后立即开放；预约在活动开始时截止"
        >
          <View className="session__actions">
            <DateBox
              id="session-opens-date"
              value={form.opensDate}
              fields="day"
              start={today}
              end={form.date || maxDay}
              initial={today}
              placeholder="立即开放"
              onChange={(v) => set('opensDate', v)}
            />
            {form.opensDate ? (
              <Picker
                id="session-opens-time"
                mode="time"
                value={form.opensTime}
                onChange={(e) => set('opensTime', String(e.detail.value))}
              >
                <SelectBox text={form.opensTime} placeholder="时间" />
              </Picker>
            ) : null}
          </View>
        </FormField>
        <FormField label="活动说明" required={false} error={errors.description}>
          <Textarea
            id="session-description"
            className="form-textarea"
            value={form.description}
            maxlength={500}
            placeholder="内容、主讲人、需要携带的材料"
            placeholderClass="form-placeholder"
            onInput={(e) => set('description', e.detail.value)}
          />
        </FormField>
        {errors.form ? (
          <Text className="form-field__error" id="session-error">
            {errors.form}
          </Text>
        ) : null}
        <View className="session__actions">
          <View
            id="session-submit"
            className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => void submit()}
          >
            {busy ? '发布中…' : '发布'}
          </View>
        </View>
      </View>
    </PageShell>
  )
}
