import {
  WELFARE_TERM_MONTHS_DEFAULT,
  type WelfarePostView,
  welfarePostInputSchema,
} from '@shared/jobs/welfare'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { FormField, SelectBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { COUNTY_CODE, useRegions } from '../../../../hooks/useRegions'
import { useSession } from '../../../../hooks/useSession'
import { openPage } from '../../../../utils/nav'
import { showFormErrors, toastText } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import { confirmDiscard } from '../../../../utils/leave'

export const welfarePostPath = (id: string) =>
  `/packages/staff/pages/welfare-post/index?id=${encodeURIComponent(id)}`

const LABELS: Record<string, string> = {
  title: '岗位名称',
  employer: '用人单位',
  town: '镇（街道）',
  count: '岗位数量',
  subsidyPerMonth: '每月补贴',
  termMonths: '期限',
  description: '岗位说明',
}

interface Form {
  title: string
  employer: string
  town: string
  count: string
  subsidyPerMonth: string
  termMonths: string
  description: string
}
const EMPTY: Form = {
  title: '',
  employer: '',
  town: '',
  count: '',
  subsidyPerMonth: '',
  termMonths: String(WELFARE_TERM_MONTHS_DEFAULT),
  description: '',
}
const num = (s: string) => (s.trim() === '' ? undefined : Number(s))

/**
 * 公益性岗位: the county develops posts with the employers of a town; street/town and county
 * staff place people on them in the statutory order (see the post's page). Coordinators look.
 */
export default function WelfarePostsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const role = session.status === 'done' ? session.session.role : null
  const isStaff = role === 'coordinator' || role === 'street' || role === 'county'
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [editing, setEditing] = useState(false)
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState(false)
  const towns = useRegions(role === 'county' ? COUNTY_CODE : null)

  const posts = usePaged<WelfarePostView>(
    isStaff ? 'welfare-posts' : null,
    (cursor) => api('listWelfarePosts', { query: { cursor } }),
    (p) => p.id,
  )
  const reloadPosts = posts.reload
  useEffect(() => {
    if (isStaff) void reloadPosts()
  }, [isStaff, reloadPosts])
  // Back from a post's page: its places may have been filled there.
  useDidShow(() => {
    if (isStaff && posts.state.loaded) void reloadPosts()
  })
  useReachBottom(() => {
    void posts.loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? posts.reload() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), {
    name: '公益性岗位',
    idPrefix: 'welfare-posts',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setDirty(true)
    setErrors((e) => {
      const { [key]: _, form: __, ...rest } = e
      return rest
    })
  }

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(
      welfarePostInputSchema,
      {
        title: form.title,
        employer: form.employer,
        town: form.town || undefined,
        count: num(form.count),
        subsidyPerMonth: num(form.subsidyPerMonth),
        termMonths: num(form.termMonths),
        description: form.description,
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
      const made = await api('createWelfarePost', { body: parsed.data })
      posts.update((items) => [made, ...items.filter((p) => p.id !== made.id)])
      setForm(EMPTY)
      setDirty(false)
      setEditing(false)
      toastText('已新增岗位')
    } catch (e) {
      if (isApiError(e) && e.issues?.length) setErrors(serverErrors(e.issues))
      else setErrors({ form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const confirmLeave = () => confirmDiscard(dirty, '放弃新增岗位？')

  const townIndex = towns.items.findIndex((t) => t.code === form.town)
  const { loading, error, loaded, nextCursor, items } = posts.state
  return (
    <PageShell className="staff wb" beforeLeave={confirmLeave} guard={dirty}>
      <View className="staff__head wb-head--padded">
        <View className="wb-head__who">
          <Text className="staff__title">公益性岗位</Text>
          <Text className="staff__region">{session.session.regionName ?? ''}</Text>
        </View>
        <Text className="wb-head__desc">
          优先安置零就业家庭成员（24 小时内托底），再安置就业困难人员（失业时间长的在前）。岗位不会超员。
        </Text>
      </View>

      {role === 'county' && !editing ? (
        <View className="welfare-actions">
          <View
            id="welfare-new"
            className="btn btn--primary welfare-actions__btn"
            hoverClass="btn--hover"
            onClick={() => setEditing(true)}
          >
            新增公益性岗位
          </View>
        </View>
      ) : null}

      {role === 'county' && editing ? (
        <View className="card" id="welfare-form">
          <FormField label="岗位名称" error={errors.title}>
            <Input
              id="welfare-title"
              className="form-input"
              value={form.title}
              maxlength={40}
              placeholder="如：社区保洁员"
              placeholderClass="form-placeholder"
              onInput={(e) => set('title', e.detail.value)}
            />
          </FormField>
          <FormField label="用人单位" error={errors.employer}>
            <Input
              id="welfare-employer"
              className="form-input"
              value={form.employer}
              maxlength={60}
              placeholder="如：海安镇城市管理办公室"
              placeholderClass="form-placeholder"
              onInput={(e) => set('employer', e.detail.value)}
            />
          </FormField>
          <FormField label="镇（街道）" error={errors.town}>
            <Picker
              id="welfare-town"
              mode="selector"
              range={towns.items.map((t) => t.name)}
              value={Math.max(0, townIndex)}
              disabled={towns.items.length === 0}
              onChange={(e) => set('town', towns.items[Number(e.detail.value)]?.code ?? '')}
            >
              <SelectBox
                text={townIndex >= 0 ? towns.items[townIndex]?.name : ''}
                placeholder={towns.loading ? '加载中…' : '请选择镇（街道）'}
              />
            </Picker>
          </FormField>
          <FormField label="岗位数量（个）" error={errors.count}>
            <Input
              id="welfare-count"
              className="form-input"
              type="digit"
              value={form.count}
              placeholder="如：5"
              placeholderClass="form-placeholder"
              onInput={(e) => set('count', e.detail.value)}
            />
          </FormField>
          <FormField label="每月岗位补贴（元）" error={errors.subsidyPerMonth}>
            <Input
              id="welfare-subsidy"
              className="form-input"
              type="digit"
              value={form.subsidyPerMonth}
              placeholder="如：1800"
              placeholderClass="form-placeholder"
              onInput={(e) => set('subsidyPerMonth', e.detail.value)}
            />
          </FormField>
          <FormField label="补贴期限（月）" error={errors.termMonths} hint="一般不超过 3 年（36 个月）">
            <Input
              id="welfare-term"
              className="form-input"
              type="digit"
              value={form.termMonths}
              placeholderClass="form-placeholder"
              onInput={(e) => set('termMonths', e.detail.value)}
            />
          </FormField>
          <FormField label="岗位说明" required={false} error={errors.description}>
            <Textarea
              id="welfare-description"
              className="form-textarea"
              value={form.description}
              maxlength={500}
              placeholder="工作内容、时间、地点"
              placeholderClass="form-placeholder"
              onInput={(e) => set('description', e.detail.value)}
            />
          </FormField>
          {errors.form ? (
            <Text className="form-field__error" id="welfare-error">
              {errors.form}
            </Text>
          ) : null}
          <View className="welfare-actions">
            <View
              className="btn btn--plain welfare-actions__btn"
              hoverClass="btn--hover"
              onClick={() =>
                void confirmLeave().then((ok) => {
                  if (!ok) return
                  setForm(EMPTY)
                  setErrors({})
                  setDirty(false)
                  setEditing(false)
                })
              }
            >
              取消
            </View>
            <View
              id="welfare-submit"
              className={`btn btn--primary welfare-actions__btn${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void submit()}
            >
              {busy ? '保存中…' : '保存'}
            </View>
          </View>
        </View>
      ) : null}

      {loading === 'first' && items.length === 0 ? <LoadingView /> : null}
      {error ? <ErrorView message={error} onRetry={() => void posts.reload()} /> : null}
      {loaded && !loading && !error && items.length === 0 ? (
        <StateView
          id="welfare-empty"
          icon="公"
          title="还没有公益性岗位"
          desc={role === 'county' ? '点“新增公益性岗位”登记开发的岗位' : '县人社部门新增岗位后出现在这里'}
        />
      ) : null}
      {items.map((p) => (
        <View
          key={p.id}
          id={`welfare-post-${p.id}`}
          className="list-item"
          hoverClass="list-item--hover"
          onClick={() => openPage(welfarePostPath(p.id))}
        >
          <View className="list-item__head">
            <Text className="list-item__title">{p.title}</Text>
            <Text className={`tag ${p.remaining > 0 ? 'tag--accent' : 'tag--muted'}`}>
              {p.remaining > 0 ? `空 ${p.remaining} 个` : '已满员'}
            </Text>
          </View>
          <Text className="list-item__meta">
            {p.employer} · {p.townName ?? p.town}
          </Text>
          <Text className="list-item__meta">
            已安置 {p.filled}/{p.count} · 每月补贴 {p.subsidyPerMonth} 元 · 期限 {p.termMonths} 个月
          </Text>
        </View>
      ))}
      {posts.current && !error ? (
        <ListFoot
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void posts.loadMore()}
        />
      ) : null}
    </PageShell>
  )
}
