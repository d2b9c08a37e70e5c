import { formatSalary, JOB_CATEGORIES, type Job } from '@shared/jobs/job'
import type { InterestSource, InterestView, MyJobView } from '@shared/jobs/seeker'
import { Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../api/client'
import { ConfirmSheet } from '../../components/Application'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { useSession } from '../../hooks/useSession'
import { MY_INTERESTS_PATH } from '../../packages/seeker/paths'
import { formatDate } from '../../utils/format'
import { goLogin, goProfile, openPage } from '../../utils/nav'
import { toastError, toastText } from '../../utils/toast'
import './index.scss'

type DetailState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; job: Job; open: boolean; match: MyJobView['match'] }

const STATUS_LABELS: Record<Job['status'], string> = {
  draft: '草稿',
  pending: '待审核',
  published: '招聘中',
  paused: '暂停招聘',
  filled: '已招满',
  expired: '已过期',
  rejected: '已下架',
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <View className="detail__info">
      <Text className="detail__info-label">{label}</Text>
      <Text className="detail__info-value">{value || '不限'}</Text>
    </View>
  )
}

export default function JobDetailPage() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const from: InterestSource =
    router.params.from === 'push'
      ? 'push'
      : router.params.from === 'recommendation'
        ? 'recommendation'
        : 'board'
  const [state, setState] = useState<DetailState>({ status: 'loading' })
  const seq = useRef(0)
  const { state: session } = useSession()
  const role = session.status === 'done' ? session.session.role : null
  const [applied, setApplied] = useState<InterestView | null>(null)
  const [sheet, setSheet] = useState(false)
  const [share, setShare] = useState(false)
  const [busy, setBusy] = useState(false)

  // Has this resident applied already? Then the bar says so instead of offering it again.
  useEffect(() => {
    if (role !== 'resident' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return setApplied(null)
    let live = true
    api('listMyInterests', { query: { jobId: id } })
      .then((r) => live && setApplied(r.items[0] ?? null))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [role, id])

  const apply = async () => {
    if (busy) return
    setBusy(true)
    try {
      const view = await api('expressInterest', {
        params: { id },
        body: { shareContact: share, source: from },
      })
      setApplied(view)
      setSheet(false)
      toastText('已报名，单位和社区会与您联系')
    } catch (e) {
      setSheet(false)
      const code = errorCode(e)
      if (code === 'PERSON.NOT_REGISTERED') {
        toastText('请先填写实名信息，单位才能联系到您')
        goProfile()
      } else {
        toastError(e)
        if (code === 'JOB.CLOSED') void load()
      }
    } finally {
      setBusy(false)
    }
  }

  const load = useCallback(async () => {
    const mine = ++seq.current
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      setState({ status: 'not-found' })
      return
    }
    setState({ status: 'loading' })
    try {
      // A resident reads it as theirs: why it fits them, and a post they applied to after it closed.
      const mineView =
        role === 'resident'
          ? await api('myJob', { params: { id } })
          : { job: await api('getJob', { params: { id } }), open: true, match: null }
      if (mine !== seq.current) return
      const { job } = mineView
      setState({ status: 'done', job, open: mineView.open, match: mineView.match })
      void Taro.setNavigationBarTitle({ title: job.title })
    } catch (e) {
      if (mine !== seq.current) return
      if (isApiError(e) && e.code === 'JOB.NOT_FOUND') setState({ status: 'not-found' })
      else setState({ status: 'error', message: errorMessage(e) })
    }
  }, [id, role])

  useEffect(() => {
    // Who reads it decides what is read: wait for the session.
    if (session.status === 'loading') return
    void load()
  }, [load, session.status])

  const call = (phone: string) => {
    Taro.makePhoneCall({ phoneNumber: phone }).catch((e: unknown) => {
      // Cancelling the call sheet is not an error worth a toast.
      const msg = (e as { errMsg?: string } | undefined)?.errMsg ?? ''
      if (!msg.includes('cancel')) toastError(e)
    })
  }

  if (state.status === 'loading') {
    return (
      <PageShell className="detail">
        <LoadingView />
      </PageShell>
    )
  }

  if (state.status === 'not-found') {
    return (
      <PageShell className="detail">
        <StateView
          id="job-detail-not-found"
          icon="?"
          title="岗位不存在或已下架"
          desc="该岗位可能已招满或过了有效期"
          action={
            <View
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => void Taro.switchTab({ url: '/pages/jobs/index' })}
            >
              看看其他岗位
            </View>
          }
        />
      </PageShell>
    )
  }

  if (state.status === 'error') {
    return (
      <PageShell className="detail">
        <ErrorView id="job-detail-error" message={state.message} onRetry={() => void load()} />
      </PageShell>
    )
  }

  const { job, open, match } = state
  // Still 'published' but past its validity until the nightly job marks it: 已过期 to the reader.
  const statusLabel = open
    ? STATUS_LABELS.published
    : STATUS_LABELS[job.status === 'published' ? 'expired' : job.status]
  return (
    <PageShell className={`detail${open ? ' detail--with-bar' : ''}`}>
      <View className="card detail__head">
        <Text className="detail__title" id="job-detail-title">
          {job.title}
        </Text>
        <Text className="detail__salary">{formatSalary(job.salaryMin, job.salaryMax)}</Text>
        <View className="tags detail__tags">
          {job.publicWelfare ? <Text className="tag tag--accent">公益性岗位</Text> : null}
          <Text className="tag">{JOB_CATEGORIES[job.category] ?? '其他'}</Text>
          <Text className={`tag ${open ? 'tag--ok' : 'tag--muted'}`}>{statusLabel}</Text>
        </View>
        <Text className="detail__published">发布于 {formatDate(job.publishedAt)}</Text>
      </View>

      {match?.reasons.length ? (
        <View className="card detail__why" id="job-detail-why">
          <Text className="card-title">{from === 'push' ? '为什么推荐给您' : '与您的意向'}</Text>
          <View className="tags">
            {match.reasons.map((r) => (
              <Text key={r} className="tag tag--accent">
                {r}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {open ? null : (
        <View className="card detail__closed" id="job-detail-closed">
          <Text className="detail__closed-text">
            该岗位已不再招聘（{statusLabel}），单位联系方式仍在下方。
          </Text>
          {applied ? (
            <Text className="detail__closed-text" id="job-detail-closed-mine">
              您的报名：{applied.statusLabel}
              {applied.history.at(-1)?.note ? `，${applied.history.at(-1)!.note}` : ''}
            </Text>
          ) : null}
        </View>
      )}

      <View className="card">
        <View className="detail__infos">
          <Info label="招聘人数" value={`${job.headcount} 人`} />
          <Info label="学历要求" value={job.education} />
          <Info label="工作经验" value={job.experience} />
        </View>
      </View>

      <View className="card">
        <Text className="card-title">招聘单位</Text>
        <View className="detail__line">
          <Text className="detail__employer">{job.employer}</Text>
        </View>
        {job.employerIndustry ? <Text className="detail__sub">所属行业：{job.employerIndustry}</Text> : null}
        <Text className="detail__sub">工作地点：{job.regionName}</Text>
        {job.address ? <Text className="detail__sub">详细地址：{job.address}</Text> : null}
        {job.hours ? (
          <Text className="detail__sub" id="job-detail-hours">
            工作时间：{job.hours}
          </Text>
        ) : null}
      </View>

      {job.description ? (
        <View className="card">
          <Text className="card-title">岗位描述</Text>
          <Text className="detail__text">{job.description}</Text>
        </View>
      ) : null}

      {job.requirements.length > 0 ? (
        <View className="card">
          <Text className="card-title">任职要求</Text>
          {job.requirements.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list shown once; items may repeat
            <View className="detail__req" key={`${i}-${r}`}>
              <Text className="detail__req-no">{i + 1}.</Text>
              <Text className="detail__req-text">{r}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {job.benefits.length > 0 ? (
        <View className="card">
          <Text className="card-title">福利待遇</Text>
          <View className="tags">
            {job.benefits.map((b) => (
              <Text key={b} className="tag tag--ok">
                {b}
              </Text>
            ))}
          </View>
        </View>
      ) : null}

      <View className="card detail__contact">
        <Text className="card-title">联系方式</Text>
        <View className="detail__contact-row">
          <View className="detail__contact-who">
            <Text className="detail__contact-name">{job.contactName || '招聘负责人'}</Text>
            <Text className="detail__contact-phone">{job.contactPhone || '暂无电话'}</Text>
          </View>
          {job.contactPhone ? (
            <View
              className="btn btn--primary btn--small"
              id="job-detail-call"
              hoverClass="btn--hover"
              onClick={() => call(job.contactPhone)}
            >
              拨打电话
            </View>
          ) : null}
        </View>
        <Text className="detail__valid">有效期至 {formatDate(job.validUntil)}</Text>
      </View>

      <View className="detail__notice">
        <Text>求职时请注意核实单位信息，任何收取押金、培训费的行为均属违规，可向人社部门举报。</Text>
      </View>

      {open && (role === null || role === 'resident') ? (
        <View className="detail__apply-bar">
          {applied ? (
            <>
              <Text className="detail__applied" id="job-detail-applied">
                {applied.status === 'interested'
                  ? '✓ 已报名，等待单位联系'
                  : `应聘进展：${applied.statusLabel}`}
              </Text>
              <View
                className="btn btn--ghost btn--small"
                hoverClass="btn--hover"
                onClick={() => openPage(MY_INTERESTS_PATH)}
              >
                我的应聘
              </View>
            </>
          ) : (
            <View
              id="job-detail-apply"
              className="btn btn--primary detail__apply-btn"
              hoverClass="btn--hover"
              onClick={() => (role === 'resident' ? setSheet(true) : goLogin())}
            >
              {role === 'resident' ? '我要应聘' : '登录后应聘'}
            </View>
          )}
        </View>
      ) : null}
      <ConfirmSheet
        open={sheet}
        title={`应聘“${job.title}”`}
        confirmText="确认报名"
        confirmId="job-apply-submit"
        busy={busy}
        onConfirm={() => void apply()}
        onCancel={() => setSheet(false)}
      >
        <Text className="detail__apply-desc">
          报名后，{job.employer}和您所在社区的劳动保障协理员会看到您的姓名，并与您联系面试。
        </Text>
        <View className="detail__share">
          <View className="detail__share-text" onClick={() => setShare((v) => !v)}>
            <Text className="detail__share-title">把我的手机号告诉单位</Text>
            <Text className="detail__share-desc">不同意时，单位只看到打码的号码，由社区协理员转达</Text>
          </View>
          <Switch
            id="job-apply-share"
            checked={share}
            color="#d4380d"
            onChange={(e) => setShare(e.detail.value)}
          />
        </View>
      </ConfirmSheet>
    </PageShell>
  )
}
