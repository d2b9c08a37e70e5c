import { isStaffRole } from '@shared/auth/identity'
import type { KeyGroupClaimItem } from '@shared/policies/policy'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { personPath } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

/**
 * Residents' own declarations (高校毕业生、复员转业退役军人、返乡农民工) waiting for the coordinator:
 * confirm after checking (a diploma, a discharge certificate, a talk with the family), or reject
 * with the reason the resident will read.
 */
export default function ClaimsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const [deciding, setDeciding] = useState<{
    item: KeyGroupClaimItem
    decision: 'confirm' | 'reject'
  } | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const keyOf = (c: KeyGroupClaimItem) => `${c.personId}:${c.group}`

  const list = usePaged<KeyGroupClaimItem>(
    isStaff ? 'claims' : null,
    (cursor) => api('listKeyGroupClaims', { query: { cursor } }),
    keyOf,
  )
  const { reload, loadMore, update } = list
  useEffect(() => {
    if (isStaff) void reload()
  }, [isStaff, reload])
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? reload() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const submit = async () => {
    if (!deciding || busy) return
    if (deciding.decision === 'reject' && !reason.trim()) return setError('不予确认必须填写理由，居民会看到')
    setBusy(true)
    try {
      await api('decideKeyGroupClaim', {
        params: { id: deciding.item.personId, group: deciding.item.group },
        body: { decision: deciding.decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      })
      update((items) => items.filter((i) => keyOf(i) !== keyOf(deciding.item)))
      toastText(deciding.decision === 'confirm' ? '已确认，已通知居民' : '已退回，已通知居民')
      setDeciding(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const { items, loading, error: listError, loaded, nextCursor } = list.state
  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <Text className="staff__title">身份申报确认</Text>
        <Text className="wb-head__desc">居民自行申报的身份，核实后确认，确认后即按该身份为其匹配政策。</Text>
      </View>
      {loading === 'first' && items.length === 0 ? <LoadingView /> : null}
      {listError ? <ErrorView message={listError} onRetry={() => void reload()} /> : null}
      {list.current && loaded && !loading && !listError && items.length === 0 ? (
        <StateView
          id="claims-empty"
          icon="✓"
          title="没有待确认的申报"
          desc="居民在“实名信息”中申报后会出现在这里"
        />
      ) : null}
      {items.map((c) => (
        <View key={keyOf(c)} className="list-item" id={`claim-${c.personId}-${c.group}`}>
          <View className="list-item__head">
            <Text className="list-item__title" onClick={() => openPage(personPath(c.personId))}>
              {c.name}
            </Text>
            <Text className="tag tag--accent">{c.label}</Text>
          </View>
          <Text className="list-item__meta">
            {c.idNumber} · {c.communityName ?? ''}
          </Text>
          <Text className="list-item__meta">
            {c.group === 'returning_migrant' ? '返乡日期' : '日期'} {formatDate(c.since)} · {formatDate(c.at)}{' '}
            申报
          </Text>
          {c.note ? <Text className="reach-policy">“{c.note}”</Text> : null}
          <View className="reach-actions">
            <View
              id={`claim-reject-${c.personId}-${c.group}`}
              className="btn btn--plain btn--small"
              hoverClass="btn--hover"
              onClick={() => {
                setDeciding({ item: c, decision: 'reject' })
                setReason('')
                setError('')
              }}
            >
              不予确认
            </View>
            <View
              id={`claim-confirm-${c.personId}-${c.group}`}
              className="btn btn--primary btn--small"
              hoverClass="btn--hover"
              onClick={() => {
                setDeciding({ item: c, decision: 'confirm' })
                setReason('')
                setError('')
              }}
            >
              核实确认
            </View>
          </View>
        </View>
      ))}
      {list.current && !listError ? (
        <ListFoot
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void loadMore()}
        />
      ) : null}
      <ConfirmSheet
        open={deciding !== null}
        title={
          deciding
            ? `${deciding.decision === 'confirm' ? '确认' : '不予确认'}${deciding.item.name}的“${deciding.item.label}”身份`
            : ''
        }
        confirmText={deciding?.decision === 'confirm' ? '确认' : '不予确认'}
        confirmId="claim-submit"
        danger={deciding?.decision === 'reject'}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setDeciding(null)}
      >
        <Text className="wb-sheet__label">
          {deciding?.decision === 'reject' ? '理由（居民可见）' : '核实依据（选填）'}
        </Text>
        <Textarea
          id="claim-reason"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={reason}
          placeholder={
            deciding?.decision === 'reject' ? '如：未能提供退役证明，请携带原件到社区' : '如：已核验退役证'
          }
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setReason(e.detail.value)
            setError('')
          }}
        />
        {error ? <Text className="form-field__error">{error}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
