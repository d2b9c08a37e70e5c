import type { VacancyView } from '@shared/employers/employer'
import { formatSalary } from '@shared/jobs/job'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { employerGate } from '../../EmployerGate'
import { UNIT_PATH, VACANCY_EDIT_PATH, vacancyPath } from '../../paths'
import '../../../staff/staff.scss'
import '../../../staff/workbench.scss'
import '../../employer.scss'

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; items: VacancyView[]; unit: boolean }

const TONE: Record<string, string> = { published: 'tag--ok', pending: 'tag--accent', rejected: 'tag--accent' }

/** The unit's vacancies, every status, latest change first; 发布新岗位 on top. */
export default function VacanciesPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isEmployer = session.status === 'done' && session.session.role === 'employer'
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const fetchList = useCallback(async () => {
    try {
      const unit = await api('myEmployer').then(
        () => true,
        () => false,
      )
      const page = await api('listVacancies')
      setLoad({ status: 'done', items: page.items, unit })
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e) })
    }
  }, [])
  // Load once the session says this is a unit, and again whenever the page comes back into view
  // (after editing or changing a vacancy).
  const shown = useRef(false)
  useEffect(() => {
    if (isEmployer) void fetchList()
  }, [isEmployer, fetchList])
  useDidShow(() => {
    if (shown.current && isEmployer) void fetchList()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isEmployer ? fetchList() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = employerGate(session, () => void reloadSession())
  if (gate) return <PageShell className="staff wb employer">{gate}</PageShell>

  return (
    <PageShell className="staff wb employer">
      {load.status === 'loading' ? <LoadingView /> : null}
      {load.status === 'error' ? <ErrorView message={load.message} onRetry={() => void fetchList()} /> : null}
      {load.status === 'done' && !load.unit ? (
        <StateView
          id="vacancies-no-unit"
          icon="企"
          title="请先登记单位信息"
          desc="登记并通过核验后，岗位才能对求职者公开"
          action={
            <View
              className="btn btn--primary btn--small"
              hoverClass="btn--hover"
              onClick={() => openPage(UNIT_PATH)}
            >
              去登记
            </View>
          }
        />
      ) : null}
      {load.status === 'done' && load.unit ? (
        <>
          <View className="review__bar">
            <View
              id="vacancies-new"
              className="btn btn--primary"
              hoverClass="btn--hover"
              onClick={() => openPage(VACANCY_EDIT_PATH)}
            >
              发布新岗位
            </View>
          </View>
          {load.items.length === 0 ? (
            <StateView
              id="vacancies-empty"
              icon="岗"
              title="还没有岗位"
              desc="发布的岗位经审核后出现在“岗位”中"
            />
          ) : null}
          {load.items.map((v) => (
            <View
              key={v.id}
              id={`vacancy-row-${v.id}`}
              className="list-item"
              hoverClass="list-item--hover"
              onClick={() => openPage(vacancyPath(v.id))}
            >
              <View className="list-item__head">
                <Text className="list-item__title">{v.title}</Text>
                <Text className={`tag ${TONE[v.status] ?? 'tag--muted'}`}>{v.statusLabel}</Text>
              </View>
              <Text className="vacancy-row__meta">
                {formatSalary(v.salaryMin, v.salaryMax)} · 招 {v.count} 人 · {v.regionName ?? ''}
              </Text>
              <Text className="vacancy-row__meta">有效期至 {formatDate(v.validUntil)}</Text>
            </View>
          ))}
        </>
      ) : null}
    </PageShell>
  )
}
