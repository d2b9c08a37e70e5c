import type { VacancyStatus, VacancyView } from '@shared/employers/employer'
import { formatSalary } from '@shared/jobs/job'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import Applicants from '../../../../components/Applicants'
import { ConfirmSheet, KeyValue } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, formatDateTime } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { vacancyEditPath } from '../../paths'
import '../../../staff/staff.scss'
import '../../../staff/workbench.scss'
import '../../employer.scss'

type Load =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; v: VacancyView }

const ACTIONS: Partial<Record<VacancyStatus, { to: VacancyStatus; label: string; confirm?: string }[]>> = {
  draft: [{ to: 'pending', label: '提交审核' }],
  rejected: [{ to: 'pending', label: '重新提交审核' }],
  published: [
    { to: 'paused', label: '暂停招聘' },
    { to: 'filled', label: '已招满', confirm: '标记为已招满后岗位下架，不能再恢复。确定？' },
  ],
  paused: [
    { to: 'published', label: '恢复招聘' },
    { to: 'filled', label: '已招满', confirm: '标记为已招满后岗位下架，不能再恢复。确定？' },
  ],
}

/** One vacancy with its timeline and what can be done next (for its unit, or staff of its region). */
export default function VacancyPage() {
  const id = useRouter().params.id ?? ''
  const { state: session } = useSession()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [busy, setBusy] = useState(false)
  const [reviewing, setReviewing] = useState<'approve' | 'reject' | null>(null)
  const [reason, setReason] = useState('')
  const [reviewError, setReviewError] = useState('')
  const role = session.status === 'done' ? session.session.role : null
  const canReview = role === 'street' || role === 'county'

  const fetchOne = useCallback(async () => {
    try {
      setLoad({ status: 'done', v: await api('getVacancy', { params: { id } }) })
    } catch (e) {
      setLoad(
        errorMessage(e).includes('不存在')
          ? { status: 'not-found' }
          : { status: 'error', message: errorMessage(e) },
      )
    }
  }, [id])
  useEffect(() => {
    if (session.status === 'done') void fetchOne()
  }, [session.status, fetchOne])
  // Back from 修改: show what was saved.
  useDidShow(() => {
    if (session.status === 'done' && load.status === 'done') void fetchOne()
  })

  if (load.status !== 'done')
    return (
      <PageShell className="staff wb employer">
        {load.status === 'loading' ? <LoadingView /> : null}
        {load.status === 'error' ? (
          <ErrorView message={load.message} onRetry={() => void fetchOne()} />
        ) : null}
        {load.status === 'not-found' ? (
          <StateView id="vacancy-not-found" icon="?" title="岗位不存在" />
        ) : null}
      </PageShell>
    )

  const v = load.v
  const act = async (to: VacancyStatus, confirm?: string) => {
    if (busy) return
    if (confirm && !(await Taro.showModal({ title: '确认', content: confirm })).confirm) return
    setBusy(true)
    try {
      setLoad({
        status: 'done',
        v: await api('changeVacancyStatus', { params: { id }, body: { status: to } }),
      })
      toastText('已更新')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const review = async () => {
    if (!reviewing || busy) return
    if (reviewing === 'reject' && !reason.trim()) return setReviewError('不通过必须填写理由，单位会看到')
    setBusy(true)
    try {
      const body = { decision: reviewing, ...(reason.trim() ? { reason: reason.trim() } : {}) }
      setLoad({ status: 'done', v: await api('reviewVacancy', { params: { id }, body }) })
      toastText(reviewing === 'approve' ? '已发布，求职者可以看到了' : '已退回单位')
      setReviewing(null)
    } catch (e) {
      setReviewError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className="staff wb employer">
      <View className="card" id="vacancy-card">
        <View className="wb-head__row">
          <Text className="card-title">{v.title}</Text>
          <Text className="tag tag--accent" id="vacancy-status">
            {v.statusLabel}
          </Text>
        </View>
        <KeyValue label="单位" value={v.employer} />
        <KeyValue label="类别" value={v.categoryLabel} />
        <KeyValue label="月薪" value={formatSalary(v.salaryMin, v.salaryMax)} />
        <KeyValue label="人数" value={`${v.count} 人`} />
        <KeyValue label="地点" value={v.regionName ?? v.region} />
        {v.address ? <KeyValue label="地址" value={v.address} /> : null}
        {v.hours ? <KeyValue label="工作时间" value={v.hours} /> : null}
        <KeyValue label="学历 / 经验" value={`${v.education} / ${v.experience}`} />
        <KeyValue label="有效期至" value={formatDate(v.validUntil)} />
      </View>
      <View className="card" id="vacancy-description">
        <Text className="card-title">岗位说明</Text>
        <Text className="vacancy-text">{v.description}</Text>
        {v.requirements.length ? (
          <Text className="vacancy-text">要求：{v.requirements.join('；')}</Text>
        ) : null}
        {v.benefits.length ? <Text className="vacancy-text">福利：{v.benefits.join('、')}</Text> : null}
      </View>
      {v.status === 'pending' && !canReview ? (
        <View className="note" id="vacancy-pending">
          <Text>正在等待街道（镇）人社服务机构审核，通过后在“岗位”中公开。</Text>
        </View>
      ) : null}
      {v.status === 'published' || v.status === 'paused' || v.status === 'filled' ? (
        <Applicants jobId={v.id} staffView={role !== null && role !== 'employer'} />
      ) : null}
      <View className="card" id="vacancy-timeline">
        <Text className="card-title">办理记录</Text>
        {[...v.timeline].reverse().map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows
          <View key={i} className="employer-history">
            <Text>
              {formatDateTime(t.at)} ·{' '}
              {
                {
                  draft: '保存草稿',
                  pending: '提交审核',
                  published: '发布',
                  paused: '暂停',
                  filled: '招满下架',
                  expired: '过期下架',
                  rejected: '审核未通过',
                }[t.status]
              }
            </Text>
            <Text className="muted">
              {t.by}
              {t.reason ? ` · ${t.reason}` : ''}
            </Text>
          </View>
        ))}
      </View>
      {v.status === 'pending' && canReview ? (
        <View className="review__bar">
          <View
            id="vacancy-review-reject"
            className="btn btn--plain"
            hoverClass="btn--hover"
            onClick={() => {
              setReviewing('reject')
              setReason('')
              setReviewError('')
            }}
          >
            不通过
          </View>
          <View
            id="vacancy-review-approve"
            className="btn btn--primary"
            hoverClass="btn--hover"
            onClick={() => {
              setReviewing('approve')
              setReason('')
              setReviewError('')
            }}
          >
            审核通过并发布
          </View>
        </View>
      ) : null}
      {v.status === 'draft' || v.status === 'rejected' || (v.status === 'pending' && !canReview) ? (
        <View className="vacancy-edit-link">
          <View
            id="vacancy-edit"
            className="btn btn--ghost btn--small"
            hoverClass="btn--hover"
            onClick={() => openPage(vacancyEditPath(v.id))}
          >
            {v.status === 'rejected' ? '按意见修改' : '修改内容'}
          </View>
        </View>
      ) : null}
      {v.status !== 'pending' && ACTIONS[v.status]?.length ? (
        <View className="review__bar">
          {ACTIONS[v.status]!.map((a) => (
            <View
              key={a.to}
              id={`vacancy-action-${a.to}`}
              className={`btn ${a.to === 'filled' ? 'btn--plain' : 'btn--primary'}${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void act(a.to, a.confirm)}
            >
              {a.label}
            </View>
          ))}
        </View>
      ) : null}
      <ConfirmSheet
        open={reviewing !== null}
        title={reviewing === 'approve' ? `发布“${v.title}”` : `退回“${v.title}”`}
        confirmText={reviewing === 'approve' ? '发布' : '退回'}
        confirmId="vacancy-review-submit"
        danger={reviewing === 'reject'}
        busy={busy}
        onConfirm={() => void review()}
        onCancel={() => setReviewing(null)}
      >
        <Text className="wb-sheet__label">
          {reviewing === 'reject' ? '理由（单位可见）' : '审核意见（选填）'}
        </Text>
        <Textarea
          id="vacancy-review-reason"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={reason}
          placeholder={reviewing === 'reject' ? '如：薪资低于本地最低工资标准' : '如：已核实岗位真实'}
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setReason(e.detail.value)
            setReviewError('')
          }}
        />
        {reviewError ? <Text className="form-field__error">{reviewError}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
