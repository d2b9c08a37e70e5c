import type { AgreementView } from '@shared/people/agreement'
import type { PersonView } from '@shared/people/person'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage, openMaterial, uploadMaterial } from '../../../api/client'
import { AgreementItems } from '../../../components/AgreementItems'
import { chooseFile } from '../../../components/MaterialUploader'
import { formatDate } from '../../../utils/format'
import { openPage } from '../../../utils/nav'
import { toastText } from '../../../utils/toast'
import { agreementEditPath } from '../followups'

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; agreement: AgreementView | null }

/**
 * 一人一策 on the person card: the agreement's goal and services, progress, who signed and how;
 * 制定/修改 opens the editor; a paper signed on a visit is filed as a photo.
 */
export function AgreementCard({ person }: { person: PersonView }) {
  const [state, setState] = useState<State>({ status: 'loading' })
  const [busy, setBusy] = useState(false)
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    try {
      const { agreement } = await api('getAgreement', { params: { id: person.id } })
      if (mine === seq.current) setState({ status: 'done', agreement })
    } catch (e) {
      if (mine === seq.current) setState({ status: 'error', message: errorMessage(e) })
    }
  }, [person.id])
  // Again whenever the person card reloads the person (coming back from the editor, a follow-up).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the person object marks a reload
  useEffect(() => {
    void load()
  }, [person, load])

  const fileSignedPaper = async (a: AgreementView) => {
    if (busy) return
    const file = await chooseFile()
    if (!file) return
    setBusy(true)
    try {
      const up = await uploadMaterial(file.bytes, file.name || '援助协议签字页.jpg', file.type, person.id)
      const { agreement } = await api('signAgreement', {
        params: { id: person.id },
        body: { method: 'photo', fileId: up.id, version: a.version },
      })
      setState({ status: 'done', agreement })
      toastText('已存档签字协议')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const a = state.status === 'done' ? state.agreement : null
  return (
    <View className="card" id="person-agreement">
      <View className="list-item__head">
        <Text className="card-title">一人一策 · 就业援助协议</Text>
        {a ? (
          <Text
            className={`tag ${a.status === 'signed' ? 'tag--ok' : 'tag--accent'}`}
            id="person-agreement-status"
          >
            {a.statusLabel}
          </Text>
        ) : null}
      </View>
      {state.status === 'loading' ? <Text className="muted">加载中…</Text> : null}
      {state.status === 'error' ? <Text className="form-field__error">{state.message}</Text> : null}
      {state.status === 'done' && !a ? (
        <Text className="muted">
          尚未制定。对就业困难人员、零就业家庭成员等援助对象，应与本人约定援助目标和服务事项。
        </Text>
      ) : null}
      {a ? (
        <>
          <Text className="wb-record__line">目标：{a.goals}</Text>
          <Text className="wb-record__line muted">
            已完成 {a.progress.done}/{a.progress.total} 项 · {a.updatedBy} {formatDate(a.updatedAt)} 制定
          </Text>
          <AgreementItems agreement={a} />
          {a.signed ? (
            <Text className="wb-record__line muted" id="person-agreement-signed">
              {formatDate(a.signed.at)} {a.signed.methodLabel}
              {a.signed.method === 'photo' ? `（${a.signed.by}存档）` : ''}
            </Text>
          ) : (
            <Text className="wb-record__line kg-pending">
              已通知本人在小程序“我的援助协议”中确认；也可上传本人签字的纸质协议照片。
            </Text>
          )}
          {a.signed?.fileId ? (
            <View
              className="btn btn--plain btn--small"
              hoverClass="btn--hover"
              onClick={() => void openMaterial(a.signed!.fileId!, '援助协议签字页')}
            >
              查看签字协议
            </View>
          ) : null}
          {a.status === 'draft' ? (
            <View
              id="person-agreement-photo"
              className={`btn btn--ghost btn--small${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void fileSignedPaper(a)}
            >
              {busy ? '上传中…' : '上传签字协议照片'}
            </View>
          ) : null}
        </>
      ) : null}
      <View
        id="person-agreement-edit"
        className="btn btn--ghost btn--small"
        hoverClass="btn--hover"
        onClick={() => openPage(agreementEditPath(person.id))}
      >
        {a ? '修改协议' : '制定协议'}
      </View>
    </View>
  )
}
