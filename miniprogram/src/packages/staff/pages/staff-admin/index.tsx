import type { StaffAccountView, StaffRequestView } from '@shared/auth/staff-roles'
import { Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDateTime } from '../../../../utils/format'
import { toastText } from '../../../../utils/toast'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

type Sheet =
  | { kind: 'grant'; request: StaffRequestView }
  | { kind: 'refuse'; request: StaffRequestView }
  | { kind: 'revoke'; account: StaffAccountView }

/**
 * 人员权限 (county system administrator): requests from people who hold a post — check the name
 * and unit, then open their workbench, or refuse with a reason they read; and the county's
 * staff, whose role can be taken away (transfer, leaving). Every change is audited and holds
 * from the person's next request.
 */
export default function StaffAdminPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isAdmin =
    session.status === 'done' && session.session.role === 'county' && session.session.admin === true
  const [data, setData] = useState<{ requests: StaffRequestView[]; staff: StaffAccountView[] } | null>(null)
  const [loadError, setLoadError] = useState('')
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [reason, setReason] = useState('')
  const [makeAdmin, setMakeAdmin] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setLoadError('')
    try {
      setData(await api('listStaff'))
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }, [])
  useEffect(() => {
    if (isAdmin) void load()
  }, [isAdmin, load])
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isAdmin ? load() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

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
  if (!isAdmin)
    return (
      <PageShell className="staff wb">
        <StateView
          id="staff-admin-forbidden"
          icon="!"
          title="需要县级系统管理员权限"
          desc="人员权限由县人社部门的系统管理员开通和收回"
        />
      </PageShell>
    )

  const open = (next: Sheet) => {
    setSheet(next)
    setReason('')
    setMakeAdmin(false)
    setError('')
  }
  const submit = async () => {
    if (!sheet || busy) return
    if (sheet.kind !== 'grant' && reason.trim().length < 2)
      return setError(sheet.kind === 'refuse' ? '请写明未通过的原因，申请人会看到' : '请写明收回权限的原因')
    setBusy(true)
    try {
      if (sheet.kind === 'grant') {
        await api('grantStaffRole', {
          params: { accountId: sheet.request.accountId },
          body: { role: sheet.request.role, region: sheet.request.region, admin: makeAdmin },
        })
        toastText(`已为${sheet.request.name}开通`)
      } else if (sheet.kind === 'refuse') {
        await api('refuseStaffRequest', {
          params: { accountId: sheet.request.accountId },
          body: { reason: reason.trim() },
        })
        toastText('已退回，已告知申请人')
      } else {
        await api('revokeStaffRole', {
          params: { accountId: sheet.account.accountId },
          body: { reason: reason.trim() },
        })
        toastText('权限已收回，立即生效')
      }
      setSheet(null)
      await load()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <Text className="staff__title">人员权限</Text>
        <Text className="wb-head__desc">
          社区协理员、镇/街道和县级工作人员在“我的 →
          我是工作人员”提交申请；请核实姓名和单位后开通。收回后对方下一次操作即失去权限。
        </Text>
      </View>
      {!data && !loadError ? <LoadingView /> : null}
      {loadError ? <ErrorView message={loadError} onRetry={() => void load()} /> : null}
      {data ? (
        <View className="card" id="staff-admin-requests">
          <Text className="card-title">待开通（{data.requests.length}）</Text>
          {data.requests.length === 0 ? (
            <Text className="list-item__meta" id="staff-admin-no-requests">
              没有待处理的申请
            </Text>
          ) : null}
          {data.requests.map((r) => (
            <View key={r.accountId} className="list-item" id={`staff-request-${r.accountId.slice(3)}`}>
              <View className="list-item__head">
                <Text className="list-item__title">{r.name}</Text>
                <Text className="tag tag--ok">{r.roleLabel}</Text>
              </View>
              <Text className="list-item__meta">
                {r.regionName} · {r.unit}
              </Text>
              <Text className="list-item__meta">{formatDateTime(r.at)} 申请</Text>
              <View className="reach-actions">
                <View
                  id={`staff-refuse-${r.accountId.slice(3)}`}
                  className="btn btn--plain btn--small"
                  hoverClass="btn--hover"
                  onClick={() => open({ kind: 'refuse', request: r })}
                >
                  不予开通
                </View>
                <View
                  id={`staff-grant-${r.accountId.slice(3)}`}
                  className="btn btn--primary btn--small"
                  hoverClass="btn--hover"
                  onClick={() => open({ kind: 'grant', request: r })}
                >
                  核实开通
                </View>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {data ? (
        <View className="card" id="staff-admin-staff">
          <Text className="card-title">本县工作人员（{data.staff.length}）</Text>
          {data.staff.map((a) => (
            <View key={a.accountId} className="list-item" id={`staff-account-${a.accountId.slice(3)}`}>
              <View className="list-item__head">
                <Text className="list-item__title">{a.name ?? `账号 …${a.accountId.slice(-6)}`}</Text>
                <Text className="tag">{a.admin ? `${a.roleLabel} · 管理员` : a.roleLabel}</Text>
              </View>
              <Text className="list-item__meta">
                {a.regionName}
                {a.unit ? ` · ${a.unit}` : ''}
              </Text>
              <Text className="list-item__meta">最近登录 {formatDateTime(a.lastLoginAt)}</Text>
              {a.self ? (
                <Text className="list-item__meta">（本人）</Text>
              ) : (
                <View className="reach-actions">
                  <View
                    id={`staff-revoke-${a.accountId.slice(3)}`}
                    className="btn btn--plain btn--small"
                    hoverClass="btn--hover"
                    onClick={() => open({ kind: 'revoke', account: a })}
                  >
                    收回权限
                  </View>
                </View>
              )}
            </View>
          ))}
        </View>
      ) : null}
      <ConfirmSheet
        open={sheet !== null}
        title={
          sheet?.kind === 'grant'
            ? `为${sheet.request.name}开通${sheet.request.roleLabel}`
            : sheet?.kind === 'refuse'
              ? `不予开通${sheet.request.name}的申请`
              : sheet
                ? `收回${sheet.account.name ?? ''}的${sheet.account.roleLabel}权限`
                : ''
        }
        confirmText={sheet?.kind === 'grant' ? '开通' : sheet?.kind === 'refuse' ? '不予开通' : '收回'}
        confirmId="staff-submit"
        danger={sheet?.kind !== 'grant'}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setSheet(null)}
      >
        {sheet?.kind === 'grant' ? (
          <View>
            <Text className="wb-sheet__label">
              {sheet.request.regionName} · {sheet.request.unit}
            </Text>
            {sheet.request.role === 'county' ? (
              <View className="wb-switch">
                <Text>同时设为系统管理员（可开通、收回人员权限）</Text>
                <Switch
                  id="staff-grant-admin"
                  checked={makeAdmin}
                  onChange={(e) => setMakeAdmin(e.detail.value)}
                />
              </View>
            ) : null}
          </View>
        ) : (
          <View>
            <Text className="wb-sheet__label">
              {sheet?.kind === 'refuse' ? '原因（申请人可见）' : '原因（留痕，本人可见）'}
            </Text>
            <Textarea
              id="staff-reason"
              className="form-textarea wb-textarea--short"
              maxlength={100}
              value={reason}
              placeholder={
                sheet?.kind === 'refuse' ? '如：单位和岗位无法核实，请由单位出具证明' : '如：调离社区岗位'
              }
              placeholderClass="form-placeholder"
              onInput={(e) => {
                setReason(e.detail.value)
                setError('')
              }}
            />
          </View>
        )}
        {error ? <Text className="form-field__error">{error}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
