import { isStaffRole } from '@shared/auth/identity'
import type { EmployerView, VacancyView } from '@shared/employers/employer'
import { formatSalary } from '@shared/jobs/job'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { UNIT_PATH, VACANCY_EDIT_PATH, vacancyPath } from '../../../employer/paths'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../../employer/employer.scss'

type Tab = 'vacancies' | 'pending-units' | 'units'
const TABS: { value: Tab; label: string }[] = [
  { value: 'vacancies', label: '待审核岗位' },
  { value: 'pending-units', label: '待核验单位' },
  { value: 'units', label: '本辖区单位' },
]

/**
 * Staff's desk for the labour market of their region: vacancies waiting for review, units
 * waiting for verification (street/town and county decide; coordinators see them and visit),
 * and every unit — where a unit met on a visit is registered and a vacancy posted on its behalf.
 */
export default function EmployersDeskPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const role = session.status === 'done' ? session.session.role : null
  const canDecide = role === 'street' || role === 'county'
  const [tab, setTab] = useState<Tab>('vacancies')
  const [deciding, setDeciding] = useState<{ unit: EmployerView; decision: 'verify' | 'reject' } | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const vacancies = usePaged<VacancyView>(
    isStaff && tab === 'vacancies' ? 'vacancies' : null,
    (cursor) => api('listVacancies', { query: { status: 'pending', cursor } }),
    (v) => v.id,
  )
  const units = usePaged<EmployerView>(
    isStaff && tab !== 'vacancies' ? tab : null,
    (cursor) =>
      api('listEmployers', { query: { ...(tab === 'pending-units' ? { status: 'pending' } : {}), cursor } }),
    (e) => e.id,
  )
  const current = tab === 'vacancies' ? vacancies : units
  const reloadVacancies = vacancies.reload
  const reloadUnits = units.reload
  useEffect(() => {
    if (tab === 'vacancies') void reloadVacancies()
    else void reloadUnits()
  }, [tab, reloadVacancies, reloadUnits])
  // Coming back from a vacancy just reviewed: the list should no longer show it.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && isStaff) void current.reload()
    shown.current = true
  })
  useReachBottom(() => {
    void current.loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? current.reload() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), {
    name: '用人单位与岗位',
    idPrefix: 'employers-desk',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb employer">{gate}</PageShell>

  const decide = async () => {
    if (!deciding || busy) return
    if (deciding.decision === 'reject' && !reason.trim())
      return setError('不通过核验必须填写理由，单位会看到')
    setBusy(true)
    try {
      await api('verifyEmployer', {
        params: { id: deciding.unit.id },
        body: { decision: deciding.decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      })
      if (tab === 'pending-units') units.update((items) => items.filter((u) => u.id !== deciding.unit.id))
      else void units.reload()
      toastText(deciding.decision === 'verify' ? '已核验，单位的岗位可以审核发布了' : '已退回单位')
      setDeciding(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const { loading, error: listError, loaded, nextCursor } = current.state
  const count = current.state.items.length
  return (
    <PageShell className="staff wb employer">
      <View className="staff__head wb-head--padded">
        <View className="wb-head__row">
          <View className="wb-head__who">
            <Text className="staff__title">用人单位与岗位</Text>
            <Text className="staff__region">{session.session.regionName ?? ''}</Text>
          </View>
          <View
            id="employers-desk-visit"
            className="btn btn--primary btn--small"
            hoverClass="btn--hover"
            onClick={() => openPage(`${UNIT_PATH}?visit=1`)}
          >
            走访登记单位
          </View>
        </View>
        <Text className="wb-head__desc">
          {canDecide
            ? '单位核验后，其岗位经审核才对求职者公开。退回时写明理由，单位会看到。'
            : '单位核验和岗位审核由街道（镇）负责；您可以走访登记单位、代单位发布岗位。'}
        </Text>
      </View>
      <View className="staff__tabs">
        {TABS.map((t) => (
          <View
            key={t.value}
            id={`employers-desk-tab-${t.value}`}
            className={`staff__tab${t.value === tab ? ' staff__tab--on' : ''}`}
            onClick={() => setTab(t.value)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {loading === 'first' && count === 0 ? <LoadingView /> : null}
      {listError ? <ErrorView message={listError} onRetry={() => void current.reload()} /> : null}
      {current.current && loaded && !loading && !listError && count === 0 ? (
        <StateView
          id="employers-desk-empty"
          icon="✓"
          title={
            tab === 'vacancies'
              ? '没有待审核的岗位'
              : tab === 'pending-units'
                ? '没有待核验的单位'
                : '本辖区还没有单位'
          }
          desc={tab === 'units' ? '单位自行登记或走访登记后出现在这里' : '单位提交后会出现在这里'}
        />
      ) : null}
      {tab === 'vacancies'
        ? vacancies.state.items.map((v) => (
            <View
              key={v.id}
              id={`desk-vacancy-${v.id}`}
              className="list-item"
              hoverClass="list-item--hover"
              onClick={() => openPage(vacancyPath(v.id))}
            >
              <View className="list-item__head">
                <Text className="list-item__title">{v.title}</Text>
                <Text className="tag tag--accent">{v.statusLabel}</Text>
              </View>
              <Text className="vacancy-row__meta">
                {v.employer} · {formatSalary(v.salaryMin, v.salaryMax)} · 招 {v.count} 人
              </Text>
              <Text className="vacancy-row__meta">
                {v.regionName ?? ''} · 有效期至 {formatDate(v.validUntil)}
              </Text>
            </View>
          ))
        : units.state.items.map((u) => (
            <View key={u.id} id={`desk-unit-${u.id}`} className="list-item">
              <View className="list-item__head">
                <Text className="list-item__title">{u.name}</Text>
                <Text className={`tag ${u.status === 'verified' ? 'tag--ok' : 'tag--accent'}`}>
                  {u.statusLabel}
                </Text>
              </View>
              <Text className="vacancy-row__meta">
                {u.creditCode} · {u.regionName ?? ''}
              </Text>
              <Text className="vacancy-row__meta">
                {u.contact.name} {u.contact.phone}
                {u.industry ? ` · ${u.industry}` : ''}
              </Text>
              <View className="vacancy-actions">
                {u.status === 'verified' ? (
                  <View
                    id={`desk-unit-post-${u.id}`}
                    className="btn btn--plain btn--small"
                    hoverClass="btn--hover"
                    onClick={() =>
                      openPage(
                        `${VACANCY_EDIT_PATH}?employer=${encodeURIComponent(u.id)}&name=${encodeURIComponent(u.name)}`,
                      )
                    }
                  >
                    代发岗位
                  </View>
                ) : null}
                {u.status === 'pending' && canDecide ? (
                  <>
                    <View
                      id={`desk-unit-reject-${u.id}`}
                      className="btn btn--plain btn--small"
                      hoverClass="btn--hover"
                      onClick={() => {
                        setDeciding({ unit: u, decision: 'reject' })
                        setReason('')
                        setError('')
                      }}
                    >
                      不通过
                    </View>
                    <View
                      id={`desk-unit-verify-${u.id}`}
                      className="btn btn--primary btn--small"
                      hoverClass="btn--hover"
                      onClick={() => {
                        setDeciding({ unit: u, decision: 'verify' })
                        setReason('')
                        setError('')
                      }}
                    >
                      核验通过
                    </View>
                  </>
                ) : null}
              </View>
            </View>
          ))}
      {current.current && !listError ? (
        <ListFoot
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={count}
          onMore={() => void current.loadMore()}
        />
      ) : null}
      <ConfirmSheet
        open={deciding !== null}
        title={
          deciding
            ? `${deciding.decision === 'verify' ? '核验通过' : '不通过核验'}：${deciding.unit.name}`
            : ''
        }
        confirmText={deciding?.decision === 'verify' ? '核验通过' : '不通过'}
        confirmId="desk-unit-submit"
        danger={deciding?.decision === 'reject'}
        busy={busy}
        onConfirm={() => void decide()}
        onCancel={() => setDeciding(null)}
      >
        <Text className="wb-sheet__label">
          {deciding?.decision === 'reject' ? '理由（单位可见）' : '核验说明（选填）'}
        </Text>
        <Textarea
          id="desk-unit-reason"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={reason}
          placeholder={
            deciding?.decision === 'reject' ? '如：单位名称与营业执照不一致' : '如：已核对营业执照原件'
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
