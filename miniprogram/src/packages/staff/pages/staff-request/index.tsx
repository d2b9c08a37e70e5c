import { ROLE_LABELS, type StaffRole } from '@shared/auth/identity'
import type { StaffRequestView } from '@shared/auth/staff-roles'
import { Input, Picker, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { ChoiceChips, FormField, SelectBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import RegionPicker from '../../../../components/RegionPicker'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { COUNTY_CODE, useRegions } from '../../../../hooks/useRegions'
import { useSession } from '../../../../hooks/useSession'
import { formatDateTime } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { toastText } from '../../../../utils/toast'
import '../../staff.scss'
import '../../workbench.scss'

const ROLE_OPTIONS: { value: StaffRole; label: string }[] = [
  { value: 'coordinator', label: '社区/村协理员' },
  { value: 'street', label: '镇/街道工作人员' },
  { value: 'county', label: '县级工作人员' },
]

type Field = 'name' | 'role' | 'region' | 'unit'

const STATUS_LABEL: Record<StaffRequestView['status'], string> = {
  pending: '待开通',
  granted: '已开通',
  refused: '未通过',
  revoked: '已收回',
}

/**
 * 我是工作人员: a coordinator, a town office or county worker asks for their role. The county
 * system administrator checks the name and unit, and grants it; until then the account stays a
 * resident's. The page shows where the request stands, and why it was refused if it was.
 */
export default function StaffRequestPage() {
  const { state: session, reload: reloadSession } = useSession()
  const [current, setCurrent] = useState<StaffRequestView | null | undefined>(undefined)
  const [loadError, setLoadError] = useState('')
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState('')
  const [role, setRole] = useState<StaffRole | ''>('')
  const [region, setRegion] = useState('')
  const [unit, setUnit] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [saving, setSaving] = useState(false)
  const [dirty, setDirty] = useState(false)
  const towns = useRegions(role === 'street' ? COUNTY_CODE : null)

  const loggedIn = session.status === 'done'
  const load = useCallback(async () => {
    setLoadError('')
    try {
      setCurrent(await api('myStaffRequest'))
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }, [])
  useEffect(() => {
    if (loggedIn) void load()
  }, [loggedIn, load])

  const touch = () => setDirty(true)
  const submit = async () => {
    if (saving) return
    const next: Partial<Record<Field, string>> = {}
    if (name.trim().length < 2) next.name = '请填写真实姓名'
    if (!role) next.role = '请选择岗位'
    const wanted = role === 'county' ? COUNTY_CODE : region
    if (role === 'coordinator' && wanted.length !== 12) next.region = '请选择所在社区/村'
    if (role === 'street' && wanted.length !== 9) next.region = '请选择所在镇/街道'
    if (unit.trim().length < 2) next.unit = '请填写工作单位和岗位'
    setErrors(next)
    if (Object.keys(next).length) return
    setSaving(true)
    try {
      const saved = await api('requestStaffRole', {
        body: { name: name.trim(), role: role as StaffRole, region: wanted, unit: unit.trim() },
      })
      setCurrent(saved)
      setEditing(false)
      setDirty(false)
      toastText('已提交，请等待县级系统管理员开通')
    } catch (e) {
      if (isApiError(e) && e.issues?.length) {
        const byField: Partial<Record<Field, string>> = {}
        for (const i of e.issues) byField[(i.field as Field) ?? 'name'] = i.message
        setErrors(byField)
      } else toastText(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  if (session.status === 'loading')
    return (
      <PageShell className="staff wb">
        <LoadingView />
      </PageShell>
    )
  if (session.status === 'error')
    return (
      <PageShell className="staff wb">
        <ErrorView message={session.message} onRetry={() => void reloadSession()} />
      </PageShell>
    )
  if (session.status === 'anonymous')
    return (
      <PageShell className="staff wb">
        <StateView id="staff-request-login" icon="!" title="请先登录" desc="在“我的”页用微信登录后再申请" />
      </PageShell>
    )
  if (session.session.role !== 'resident')
    return (
      <PageShell className="staff wb">
        <StateView
          id="staff-request-not-needed"
          icon="✓"
          title={`您已是${session.session.roleLabel}`}
          desc={
            session.session.role === 'employer'
              ? '用人单位账号不能申请工作人员权限，请用个人微信申请'
              : '岗位变动请联系县级系统管理员'
          }
        />
      </PageShell>
    )
  if (current === undefined)
    return (
      <PageShell className="staff wb">
        {loadError ? <ErrorView message={loadError} onRetry={() => void load()} /> : <LoadingView />}
      </PageShell>
    )

  const showForm = current === null || editing
  return (
    <PageShell
      className="staff wb wb--with-bar"
      beforeLeave={() => confirmDiscard(showForm && dirty)}
      guard={showForm && dirty}
    >
      <View className="staff__head">
        <Text className="staff__title">工作人员权限申请</Text>
        <Text className="staff__region">
          社区/村劳动保障协理员、镇/街道和县人社部门的工作人员，在此申请开通工作台。县级系统管理员核实后开通。
        </Text>
      </View>

      {current && !editing ? (
        <View className="card" id="staff-request-status">
          <Text className="card-title">我的申请</Text>
          <View className="list-item__head">
            <Text className="list-item__title">
              {current.name} · {ROLE_LABELS[current.role]}
            </Text>
            <Text
              id="staff-request-state"
              className={`tag ${current.status === 'granted' ? 'tag--ok' : current.status === 'pending' ? '' : 'tag--accent'}`}
            >
              {STATUS_LABEL[current.status]}
            </Text>
          </View>
          <Text className="list-item__meta">
            {current.regionName} · {current.unit}
          </Text>
          <Text className="list-item__meta">{formatDateTime(current.at)} 提交</Text>
          {(current.status === 'refused' || current.status === 'revoked') && current.reason ? (
            <Text className="form-field__error" id="staff-request-reason">
              原因：{current.reason}
            </Text>
          ) : null}
          {current.status === 'granted' ? (
            <Text className="list-item__meta">请回到“我的”页下拉刷新，进入工作台。</Text>
          ) : null}
          {current.status !== 'granted' ? (
            <View
              id="staff-request-edit"
              className="btn btn--plain btn--small"
              hoverClass="btn--hover"
              onClick={() => {
                setName(current.name)
                setRole(current.role)
                setRegion(current.role === 'county' ? '' : current.region)
                setUnit(current.unit)
                setEditing(true)
              }}
            >
              {current.status === 'pending' ? '修改申请' : '修改后重新申请'}
            </View>
          ) : null}
        </View>
      ) : null}

      {showForm ? (
        <View className="card">
          <FormField id="staff-request-field-name" label="姓名" error={errors.name}>
            <Input
              id="staff-request-name"
              className="form-input"
              maxlength={20}
              value={name}
              placeholder="与身份证一致"
              placeholderClass="form-placeholder"
              onInput={(e) => {
                setName(e.detail.value)
                setErrors((x) => ({ ...x, name: undefined }))
                touch()
              }}
            />
          </FormField>
          <FormField id="staff-request-field-role" label="岗位" error={errors.role}>
            <ChoiceChips
              id="staff-request-role"
              idPrefix="staff-request-role-"
              options={ROLE_OPTIONS}
              value={role}
              onChange={(v) => {
                setRole(v as StaffRole)
                setRegion('')
                setErrors((e) => ({ ...e, role: undefined, region: undefined }))
                touch()
              }}
            />
          </FormField>
          {role === 'coordinator' ? (
            <FormField id="staff-request-field-region" label="所在社区/村" error={errors.region}>
              <RegionPicker
                value={region}
                onChange={(code) => {
                  setRegion(code)
                  setErrors((x) => ({ ...x, region: undefined }))
                  touch()
                }}
                townId="staff-request-town"
                communityId="staff-request-community"
              />
            </FormField>
          ) : null}
          {role === 'street' ? (
            <FormField id="staff-request-field-region" label="所在镇/街道" error={errors.region}>
              <Picker
                id="staff-request-town"
                mode="selector"
                range={towns.items.map((t) => t.name)}
                value={Math.max(
                  0,
                  towns.items.findIndex((t) => t.code === region),
                )}
                onChange={(e) => {
                  setRegion(towns.items[Number(e.detail.value)]?.code ?? '')
                  touch()
                }}
              >
                <SelectBox
                  text={towns.items.find((t) => t.code === region)?.name}
                  placeholder={towns.loading ? '加载中…' : '请选择镇/街道'}
                />
              </Picker>
            </FormField>
          ) : null}
          {role === 'county' ? (
            <Text className="list-item__meta">所属：海安市人力资源和社会保障局</Text>
          ) : null}
          <FormField id="staff-request-field-unit" label="工作单位和岗位" error={errors.unit}>
            <Input
              id="staff-request-unit"
              className="form-input"
              maxlength={60}
              value={unit}
              placeholder="如：城东镇劳动保障所 就业专干"
              placeholderClass="form-placeholder"
              onInput={(e) => {
                setUnit(e.detail.value)
                setErrors((x) => ({ ...x, unit: undefined }))
                touch()
              }}
            />
          </FormField>
        </View>
      ) : null}

      {showForm ? (
        <View className="wb-bar">
          {editing ? (
            <View
              id="staff-request-cancel"
              className="btn btn--plain"
              hoverClass="btn--hover"
              onClick={() => {
                setEditing(false)
                setDirty(false)
                setErrors({})
              }}
            >
              取消
            </View>
          ) : null}
          <View
            id="staff-request-submit"
            className={`btn btn--primary${saving ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => void submit()}
          >
            {saving ? '提交中…' : '提交申请'}
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
