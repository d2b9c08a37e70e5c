import type { InterestView } from '@shared/jobs/seeker'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../api/client'
import { formatDateTime } from '../utils/format'
import { toastError, toastText } from '../utils/toast'
import { ConfirmSheet } from './Application'
import { ErrorView, LoadingView } from './StateView'
import './Applicants.scss'

type Outcome = 'interview' | 'hired' | 'not_hired'
const OUTCOMES: { value: Outcome; label: string; hint: string }[] = [
  { value: 'interview', label: '约面试', hint: '面试时间、地点，求职者会收到消息' },
  { value: 'hired', label: '已录用', hint: '入职安排（选填）' },
  { value: 'not_hired', label: '未录用', hint: '原因（选填），社区会继续为其推荐' },
]
const NEXT: Record<string, Outcome[]> = {
  interested: ['interview', 'hired', 'not_hired'],
  interview: ['hired', 'not_hired'],
}

/** Record what came of one application: the sheet shared by the unit's and the coordinator's lists. */
export function OutcomeSheet({
  target,
  onDone,
  onCancel,
}: {
  target: { item: InterestView; outcome: Outcome } | null
  onDone: (saved: InterestView) => void
  onCancel: () => void
}) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  // A new application in the sheet starts with an empty note (state adjusted while rendering).
  const [shownFor, setShownFor] = useState(target)
  if (shownFor !== target) {
    setShownFor(target)
    setNote('')
    setError('')
  }
  const submit = async () => {
    if (!target || busy) return
    setBusy(true)
    try {
      const saved = await api('recordInterestOutcome', {
        params: { id: target.item.id },
        body: { outcome: target.outcome, ...(note.trim() ? { note: note.trim() } : {}) },
      })
      toastText('已记录，已通知求职者')
      onDone(saved)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const option = OUTCOMES.find((o) => o.value === target?.outcome)
  return (
    <ConfirmSheet
      open={target !== null}
      title={target ? `${target.item.name}：${option?.label}` : ''}
      confirmText={option?.label ?? '确定'}
      confirmId="outcome-submit"
      danger={target?.outcome === 'not_hired'}
      busy={busy}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <Text className="wb-sheet__label">{option?.hint}</Text>
      <Textarea
        id="outcome-note"
        className="form-textarea wb-textarea--short"
        maxlength={200}
        value={note}
        placeholder={target?.outcome === 'interview' ? '如：12月3日上午9点，厂区南门' : ''}
        placeholderClass="form-placeholder"
        onInput={(e) => {
          setNote(e.detail.value)
          setError('')
        }}
      />
      {error ? <Text className="form-field__error">{error}</Text> : null}
    </ConfirmSheet>
  )
}

/** One application as a row: who, how to reach them, what came of it, what can be done next. */
export function ApplicantRow({
  item,
  onOutcome,
  onReveal,
  staffView = false,
}: {
  item: InterestView
  onOutcome: (outcome: Outcome) => void
  onReveal?: () => void
  /** Staff read any applicant's phone (audited); the unit only one the seeker chose to share. */
  staffView?: boolean
}) {
  return (
    <View className="list-item" id={`applicant-${item.id}`}>
      <View className="list-item__head">
        <Text className="list-item__title">{item.name}</Text>
        <Text
          className={`tag ${item.status === 'hired' ? 'tag--ok' : item.status === 'not_hired' ? 'tag--muted' : 'tag--accent'}`}
        >
          {item.statusLabel}
        </Text>
      </View>
      <Text className="applicant__meta">
        {staffView ? `${item.jobTitle}（${item.employer}）` : item.jobTitle} · {item.communityName ?? ''} ·{' '}
        {item.sourceLabel} · {formatDateTime(item.createdAt)}
      </Text>
      <View className="applicant__phone">
        <Text id={`applicant-phone-${item.id}`}>{item.phone}</Text>
        {item.phoneShared ? (
          <Text
            className="applicant__call"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: item.phone }).catch(() => undefined)}
          >
            拨打
          </Text>
        ) : (item.shareContact || staffView) && onReveal ? (
          <Text id={`applicant-reveal-${item.id}`} className="applicant__call" onClick={onReveal}>
            查看电话
          </Text>
        ) : (
          <Text className="muted applicant__note">未同意公开电话，可请社区协理员转达</Text>
        )}
      </View>
      {staffView && !item.shareContact ? (
        <Text className="applicant__meta">本人未同意把电话告知单位，需要时请您代为转达</Text>
      ) : null}
      {item.history.length > 1 && item.history.at(-1)!.note ? (
        <Text className="applicant__meta">“{item.history.at(-1)!.note}”</Text>
      ) : null}
      {NEXT[item.status]?.length ? (
        <View className="applicant__actions">
          {NEXT[item.status]!.map((o) => (
            <View
              key={o}
              id={`applicant-${o}-${item.id}`}
              className={`btn btn--small ${o === 'hired' ? 'btn--primary' : 'btn--plain'}`}
              hoverClass="btn--hover"
              onClick={() => onOutcome(o)}
            >
              {OUTCOMES.find((x) => x.value === o)!.label}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** The applicants to one vacancy, for its unit (and staff of its region). */
export default function Applicants({ jobId, staffView = false }: { jobId: string; staffView?: boolean }) {
  const [items, setItems] = useState<InterestView[] | null>(null)
  const [error, setError] = useState('')
  const [deciding, setDeciding] = useState<{ item: InterestView; outcome: Outcome } | null>(null)
  const fetchList = useCallback(async () => {
    try {
      setItems((await api('listVacancyInterests', { params: { id: jobId } })).items)
      setError('')
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [jobId])
  useEffect(() => {
    void fetchList()
  }, [fetchList])
  const replace = (saved: InterestView) =>
    setItems((list) => list?.map((i) => (i.id === saved.id ? saved : i)) ?? null)
  const reveal = async (item: InterestView) => {
    try {
      replace(await api('getInterest', { params: { id: item.id }, query: { reveal: 'phone' } }))
    } catch (e) {
      toastError(e)
    }
  }
  return (
    <View id="vacancy-applicants">
      <View className="section-head">
        <Text className="section-title">应聘人员{items ? `（${items.length}）` : ''}</Text>
      </View>
      {error ? <ErrorView message={error} onRetry={() => void fetchList()} /> : null}
      {!items && !error ? <LoadingView /> : null}
      {items?.length === 0 ? (
        <Text className="applicant__empty">还没有人报名。求职者在岗位页点“我要应聘”后会出现在这里。</Text>
      ) : null}
      {items?.map((i) => (
        <ApplicantRow
          key={i.id}
          item={i}
          onOutcome={(outcome) => setDeciding({ item: i, outcome })}
          onReveal={() => void reveal(i)}
          staffView={staffView}
        />
      ))}
      <OutcomeSheet
        target={deciding}
        onCancel={() => setDeciding(null)}
        onDone={(saved) => {
          replace(saved)
          setDeciding(null)
        }}
      />
    </View>
  )
}
