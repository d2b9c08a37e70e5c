import { isStaffRole } from '@shared/auth/identity'
import {
  AGREEMENT_ITEM_KINDS,
  type AgreementItemKind,
  type AgreementView,
  agreementDraftSchema,
} from '@shared/people/agreement'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../../../api/client'
import { ChoiceChips, DateBox, FormField } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { todayInChina } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { toastText } from '../../../../utils/toast'
import { isPersonId } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

const KIND_OPTIONS = (Object.entries(AGREEMENT_ITEM_KINDS) as [AgreementItemKind, string][]).map(
  ([value, label]) => ({ value, label }),
)

interface ItemForm {
  key: number
  kind: AgreementItemKind | ''
  label: string
  due: string
}

let nextKey = 1
const blankItem = (): ItemForm => ({ key: nextKey++, kind: '', label: '', due: '' })

/**
 * 制定/修改就业援助协议: the goal and the services promised, each with a date. Saving a change
 * asks the person to agree again (they are told); what was delivered stays ticked.
 */
export default function AgreementEditPage() {
  const router = useRouter()
  const personId = isPersonId(router.params.id) ? router.params.id : ''
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const [loaded, setLoaded] = useState<{ agreement: AgreementView | null; name: string } | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [goals, setGoals] = useState('')
  const [items, setItems] = useState<ItemForm[]>([blankItem()])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      const [person, { agreement }] = await Promise.all([
        api('getPerson', { params: { id: personId } }),
        api('getAgreement', { params: { id: personId } }),
      ])
      setLoaded({ agreement, name: person.name })
      if (agreement) {
        setGoals(agreement.goals)
        setItems(agreement.items.map((i) => ({ key: nextKey++, kind: i.kind, label: i.label, due: i.due })))
      }
      setDirty(false)
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }, [personId])
  useEffect(() => {
    if (isStaff && personId) void load()
  }, [isStaff, personId, load])

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate) return <PageShell className="staff wb">{gate}</PageShell>
  if (!personId || loadError)
    return (
      <PageShell className="staff wb">
        <ErrorView message={loadError ?? '人员不存在'} onRetry={() => void load()} />
      </PageShell>
    )
  if (!loaded)
    return (
      <PageShell className="staff wb">
        <LoadingView />
      </PageShell>
    )

  const touch = () => {
    setDirty(true)
    setErrors({})
  }
  const setItem = (key: number, patch: Partial<ItemForm>) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)))
    touch()
  }

  const save = async () => {
    if (busy) return
    const parsed = parseWith(
      agreementDraftSchema,
      {
        goals,
        items: items.map((i) => ({ kind: i.kind || undefined, label: i.label, due: i.due || undefined })),
        ...(loaded.agreement ? { expectedVersion: loaded.agreement.version } : {}),
      },
      { goals: '援助目标' },
    )
    if (!parsed.ok) {
      setErrors(parsed.errors)
      toastText('请检查填写内容')
      return
    }
    setBusy(true)
    try {
      await api('saveAgreement', { params: { id: personId }, body: parsed.data })
      setDirty(false)
      toastText('已保存，已通知本人确认')
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 800)
    } catch (e) {
      if (errorCode(e) === 'AGREEMENT.CHANGED') {
        setErrors({ form: `${errorMessage(e)}（下拉或返回后重新打开）` })
        return
      }
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell
      className="staff wb apply wb--with-bar"
      beforeLeave={() => confirmDiscard(dirty)}
      guard={dirty}
    >
      <View className="staff__head">
        <Text className="staff__title">{loaded.name} · 就业援助协议</Text>
        <Text className="staff__region">
          {loaded.agreement
            ? `第 ${loaded.agreement.version} 版，${loaded.agreement.statusLabel}。修改后需本人重新确认，已完成的事项保留。`
            : '与本人商定援助目标和服务事项，保存后本人在小程序中确认，或上传签字的纸质协议照片。'}
        </Text>
      </View>

      <View className="card">
        <FormField id="agreement-field-goals" label="援助目标" error={errors.goals}>
          <Textarea
            id="agreement-goals"
            className="form-textarea"
            maxlength={300}
            value={goals}
            placeholder="如：三个月内在本镇实现稳定就业"
            placeholderClass="form-placeholder"
            onInput={(e) => {
              setGoals(e.detail.value)
              touch()
            }}
          />
        </FormField>
      </View>

      {items.map((item, n) => (
        <View className="card" key={item.key} id={`agreement-item-form-${n}`}>
          <View className="list-item__head">
            <Text className="card-title">服务事项 {n + 1}</Text>
            {items.length > 1 ? (
              <Text
                id={`agreement-item-remove-${n}`}
                className="apply__link"
                onClick={() => {
                  setItems((list) => list.filter((i) => i.key !== item.key))
                  touch()
                }}
              >
                删除
              </Text>
            ) : null}
          </View>
          <FormField id={`agreement-field-kind-${n}`} label="类型" error={errors[`items.${n}.kind`]}>
            <ChoiceChips
              id={`agreement-kind-${n}`}
              idPrefix={`agreement-kind-${n}-`}
              options={KIND_OPTIONS}
              value={item.kind}
              onChange={(v) => setItem(item.key, { kind: v as AgreementItemKind })}
            />
          </FormField>
          <FormField id={`agreement-field-label-${n}`} label="服务内容" error={errors[`items.${n}.label`]}>
            <Input
              id={`agreement-label-${n}`}
              className="form-input"
              type="text"
              maxlength={60}
              value={item.label}
              placeholder="如：推荐三个仓管岗位"
              placeholderClass="form-placeholder"
              onInput={(e) => setItem(item.key, { label: e.detail.value })}
            />
          </FormField>
          <FormField id={`agreement-field-due-${n}`} label="完成时限" error={errors[`items.${n}.due`]}>
            <DateBox
              id={`agreement-due-${n}`}
              value={item.due}
              fields="day"
              start={todayInChina()}
              end="2030-12-31"
              initial={todayInChina()}
              placeholder="请选择日期"
              onChange={(v) => setItem(item.key, { due: v })}
            />
          </FormField>
        </View>
      ))}

      {errors.items ? <Text className="form-field__error">{errors.items}</Text> : null}
      {items.length < 12 ? (
        <View
          id="agreement-item-add"
          className="btn btn--ghost btn--small"
          hoverClass="btn--hover"
          onClick={() => {
            setItems((list) => [...list, blankItem()])
            touch()
          }}
        >
          + 添加服务事项
        </View>
      ) : null}
      {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}

      <View className="wb-bar">
        <View
          id="agreement-save"
          className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void save()}
        >
          {busy ? '保存中…' : '保存并通知本人确认'}
        </View>
      </View>
    </PageShell>
  )
}
