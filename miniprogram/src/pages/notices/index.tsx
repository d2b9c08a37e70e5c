import { objectionSchema, type PublicNoticeItem } from '@shared/applications/application-types'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client'
import PageShell from '../../components/PageShell'
import RegionPicker from '../../components/RegionPicker'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { parseWith } from '../../forms/validate'
import { fetchMe, isLoginError } from '../../hooks/useMe'
import { formatDate } from '../../utils/format'
import { goLogin } from '../../utils/nav'
import { toastText } from '../../utils/toast'
import './index.scss'

type ListState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; items: PublicNoticeItem[] }

/** A town (9 digits) or community (12 digits) code in Hai'an, from a link. */
const linkedRegion = (value: string | undefined): string =>
  value && /^320621\d{3}(\d{3})?$/.test(value) ? value : ''

interface ItemProps {
  item: PublicNoticeItem
  sent: boolean
  onSent: () => void
}

function NoticeItem({ item, sent, onSent }: ItemProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(objectionSchema, { reason }, { reason: '异议理由' })
    if (!parsed.ok) {
      setError(parsed.errors.reason ?? '请填写异议理由')
      return
    }
    setBusy(true)
    try {
      await api('objectToNotice', { params: { id: item.id }, body: parsed.data })
      setOpen(false)
      setReason('')
      onSent()
      toastText('异议已提交，将由街道/镇核实')
    } catch (e) {
      if (isLoginError(e)) {
        toastText('请先登录后再提出异议')
        goLogin()
      } else setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="list-item notice-item" id={`notice-item-${item.id}`}>
      <View className="list-item__head">
        <View className="list-item__title">
          <Text className="notice-item__name">{item.name}</Text>
        </View>
        {item.status === 'objection_hold' ? (
          <Text className="status-badge status-badge--warn">异议核实中</Text>
        ) : (
          <Text className="status-badge status-badge--info">公示中</Text>
        )}
      </View>
      <Text className="notice-item__type">{item.typeLabel}</Text>
      <View className="list-item__foot">
        <Text>
          {/* The line may break at the separator (outside the unbreakable parts), not inside them. */}
          {item.communityName ? <Text className="nowrap">{item.communityName}</Text> : null}
          {item.communityName ? ' · ' : null}
          <Text className="nowrap">公示期至 {formatDate(item.endsAt)}</Text>
        </Text>
        {!open && !sent ? (
          <View
            id={`notice-object-${item.id}`}
            className="btn btn--ghost btn--small notice-item__object"
            hoverClass="btn--hover"
            onClick={() => setOpen(true)}
          >
            提出异议
          </View>
        ) : null}
      </View>
      {sent ? <Text className="notice-item__sent">您的异议已提交，街道/镇将进行核实。</Text> : null}
      {open ? (
        <View className="notice-item__form">
          <Text className="notice-item__explain">
            请写明异议的具体事实（如就业、收入等情况与申请不符），街道（乡镇）劳动保障事务所将核实处理。请勿捏造事实。
          </Text>
          <Textarea
            id={`notice-reason-${item.id}`}
            className="form-textarea notice-reason"
            maxlength={300}
            value={reason}
            placeholder="异议理由（至少 5 个字）"
            placeholderClass="form-placeholder"
            onInput={(e) => {
              setReason(e.detail.value)
              setError('')
            }}
          />
          {error ? <Text className="form-field__error">{error}</Text> : null}
          <View className="notice-item__actions">
            <View
              className="btn btn--plain btn--small"
              hoverClass="btn--hover"
              onClick={() => (busy ? undefined : setOpen(false))}
            >
              取消
            </View>
            <View
              id={`notice-submit-${item.id}`}
              className={`btn btn--primary btn--small${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void submit()}
            >
              {busy ? '提交中…' : '提交异议'}
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}

export default function NoticesPage() {
  const router = useRouter()
  const [region, setRegion] = useState(() => linkedRegion(router.params.community))
  const [list, setList] = useState<ListState>({ status: 'idle' })
  const [sent, setSent] = useState<Set<string>>(() => new Set())
  const seq = useRef(0)
  const chosen = useRef(region !== '')

  // No region in the link: the resident's own community, when they have bound their identity.
  useEffect(() => {
    if (chosen.current) return
    void fetchMe().then((me) => {
      if (!chosen.current && me.status === 'done') setRegion(me.me.community)
    })
  }, [])

  const load = useCallback(async (code: string) => {
    const mine = ++seq.current
    if (code.length !== 9 && code.length !== 12) {
      setList({ status: 'idle' })
      return
    }
    setList({ status: 'loading' })
    try {
      const reply = await api('listPublicNotices', { query: { community: code } })
      if (mine === seq.current) setList({ status: 'done', items: reply.items })
    } catch (e) {
      if (mine === seq.current) setList({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  useEffect(() => {
    void load(region)
  }, [region, load])

  usePullDownRefresh(() => {
    void load(region).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className="notices">
      <View className="card">
        <Text className="card-title">选择社区/村</Text>
        <RegionPicker
          value={region}
          wholeTown
          onChange={(code) => {
            chosen.current = true
            setRegion(code)
          }}
          townId="notices-town"
          communityId="notices-community"
        />
        <Text className="notices__intro">
          就业困难人员认定、补贴等事项审核中需公示。公示期内对公示对象有异议的，可实名提出，由街道（乡镇）劳动保障事务所核实处理；异议人信息严格保密。
        </Text>
      </View>

      {list.status === 'idle' ? (
        <StateView icon="选" title="请选择社区/村" desc="选择镇/街道后可查看全镇或某个社区的公示" />
      ) : null}
      {list.status === 'loading' ? <LoadingView /> : null}
      {list.status === 'error' ? (
        <ErrorView id="notices-error" message={list.message} onRetry={() => void load(region)} />
      ) : null}
      {list.status === 'done' && list.items.length === 0 ? (
        <StateView id="notices-empty" icon="空" title="目前没有公示" desc="公示期内的事项会显示在这里" />
      ) : null}
      {list.status === 'done'
        ? list.items.map((item) => (
            <NoticeItem
              key={item.id}
              item={item}
              sent={sent.has(item.id)}
              onSent={() => {
                setSent((s) => new Set(s).add(item.id))
                // The notice is now on hold for the street/town to check: show it as the server has it.
                setList((l) =>
                  l.status === 'done'
                    ? {
                        ...l,
                        items: l.items.map((i) =>
                          i.id === item.id ? { ...i, status: 'objection_hold' } : i,
                        ),
                      }
                    : l,
                )
              }}
            />
          ))
        : null}
    </PageShell>
  )
}
