import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import type { BindRequestItem } from '../../../../api/types'
import { ConfirmSheet } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDateTime } from '../../../../utils/format'
import { toastText } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

const STATE_TAG = { new: '新登记', visit: '入户登记过', bound: '已被绑定' } as const

/**
 * 实名核实: residents whose phone code never came (the registry holds an old phone, or none) ask
 * their community to confirm who they are. The coordinator checks the ID card in person or by a
 * call, then confirms (the resident's record is created, or the home-visit record becomes
 * theirs) or refuses with a note the resident reads.
 */
export default function BindRequestsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const mayDecide =
    session.status === 'done' && (session.session.role === 'coordinator' || session.session.role === 'street')
  const [deciding, setDeciding] = useState<{ item: BindRequestItem; decision: 'confirm' | 'refuse' } | null>(
    null,
  )
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // Full ID number and phone, shown on request (audited): to check the card, to call.
  const [revealed, setRevealed] = useState<Record<string, { idNumber: string; phone: string }>>({})

  const list = usePaged<BindRequestItem>(
    mayDecide ? 'bind-requests' : null,
    (cursor) => api('listBindRequests', { query: { cursor } }),
    (r) => r.id,
  )
  const { reload, loadMore, update } = list
  useEffect(() => {
    if (mayDecide) void reload()
  }, [mayDecide, reload])
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), mayDecide ? reload() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), {
    ...FOLLOWUP_DESK,
    name: '实名核实',
    idPrefix: 'bind',
    staff: '社区劳动保障协理员和街道/镇工作人员',
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>
  if (!mayDecide)
    return (
      <PageShell className="staff wb">
        <StateView
          id="bind-not-here"
          icon="!"
          title="实名核实由社区和街道/镇办理"
          desc="县级工作人员无需处理"
        />
      </PageShell>
    )

  const submit = async () => {
    if (!deciding || busy) return
    if (note.trim().length < 2)
      return setError(
        deciding.decision === 'refuse'
          ? '请写明不予确认的原因，居民会看到'
          : '请写明核实方式，如：本人持身份证到社区',
      )
    setBusy(true)
    try {
      await api('decideBindRequest', {
        params: { id: deciding.item.id },
        body: { decision: deciding.decision, note: note.trim() },
      })
      update((items) => items.filter((i) => i.id !== deciding.item.id))
      toastText(deciding.decision === 'confirm' ? '已确认，居民可以办理业务了' : '已退回，已告知居民')
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
        <Text className="staff__title">实名核实</Text>
        <Text className="wb-head__desc">
          收不到验证码的居民请社区核实身份。请查验身份证原件（或电话核对）后再确认；确认后居民即可在线办理业务。
        </Text>
      </View>
      {loading === 'first' && items.length === 0 ? <LoadingView /> : null}
      {listError ? <ErrorView message={listError} onRetry={() => void reload()} /> : null}
      {list.current && loaded && !loading && !listError && items.length === 0 ? (
        <StateView id="bind-empty" icon="✓" title="没有待核实的申请" desc="居民申请社区核实后会出现在这里" />
      ) : null}
      {items.map((r) => (
        <View key={r.id} className="list-item" id={`bind-${r.id}`}>
          <View className="list-item__head">
            <Text className="list-item__title">{r.name}</Text>
            <Text className={`tag ${r.registry.state === 'bound' ? 'tag--accent' : 'tag--ok'}`}>
              {STATE_TAG[r.registry.state]}
            </Text>
          </View>
          <Text className="list-item__meta" id={`bind-numbers-${r.id}`}>
            {revealed[r.id]?.idNumber ?? r.idNumberMasked} · {revealed[r.id]?.phone ?? r.phoneMasked}
          </Text>
          {revealed[r.id] ? (
            <Text
              id={`bind-call-${r.id}`}
              className="bind__call"
              onClick={() =>
                void Taro.makePhoneCall({ phoneNumber: revealed[r.id]!.phone }).catch(() => undefined)
              }
            >
              拨打 {revealed[r.id]!.phone} 核对
            </Text>
          ) : (
            <Text
              id={`bind-reveal-${r.id}`}
              className="bind__call"
              onClick={() =>
                void api('revealBindRequest', { params: { id: r.id } })
                  .then((full) => setRevealed((m) => ({ ...m, [r.id]: full })))
                  .catch((e) => toastText(errorMessage(e)))
              }
            >
              查看完整证件号和手机号（留痕）
            </Text>
          )}
          <Text className="list-item__meta">
            {r.communityName ?? r.community} · {formatDateTime(r.createdAt)} 申请
          </Text>
          <Text className="reach-policy">{r.registry.note}</Text>
          <View className="reach-actions">
            <View
              id={`bind-refuse-${r.id}`}
              className="btn btn--plain btn--small"
              hoverClass="btn--hover"
              onClick={() => {
                setDeciding({ item: r, decision: 'refuse' })
                setNote('')
                setError('')
              }}
            >
              不予确认
            </View>
            <View
              id={`bind-confirm-${r.id}`}
              className="btn btn--primary btn--small"
              hoverClass="btn--hover"
              onClick={() => {
                setDeciding({ item: r, decision: 'confirm' })
                setNote('')
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
            ? `${deciding.decision === 'confirm' ? '确认' : '不予确认'}${deciding.item.name}的实名信息`
            : ''
        }
        confirmText={deciding?.decision === 'confirm' ? '确认' : '不予确认'}
        confirmId="bind-submit"
        danger={deciding?.decision === 'refuse'}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setDeciding(null)}
      >
        <Text className="wb-sheet__label">
          {deciding?.decision === 'refuse' ? '原因（居民可见）' : '核实方式'}
        </Text>
        <Textarea
          id="bind-note"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={note}
          placeholder={
            deciding?.decision === 'refuse'
              ? '如：电话核实非本人，请携带身份证到社区'
              : '如：本人持身份证到社区核实'
          }
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setNote(e.detail.value)
            setError('')
          }}
        />
        {error ? <Text className="form-field__error">{error}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
