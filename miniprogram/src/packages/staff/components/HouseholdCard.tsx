import type { HouseholdView, PersonView } from '@shared/people/person'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../../api/client'
import { openPage } from '../../../utils/nav'
import { householdPickPath, personPath } from '../followups'

type State =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; household: HouseholdView }

/**
 * 家庭成员: who lives with the person, and whether the household is a zero-employment household
 * (法定劳动年龄内的家庭人员均处于失业状况) — members outside the test shown with the reason, a
 * member with no wish to work labelled. Members are added from the registry or registered here.
 */
export function HouseholdCard({ person }: { person: PersonView }) {
  const [state, setState] = useState<State>({ status: person.householdId ? 'loading' : 'none' })
  const seq = useRef(0)

  const load = useCallback(async (householdId: string | null) => {
    const mine = ++seq.current
    if (!householdId) {
      setState({ status: 'none' })
      return
    }
    try {
      const household = await api('getHousehold', { params: { id: householdId } })
      if (mine === seq.current) setState({ status: 'done', household })
    } catch (e) {
      if (mine === seq.current) setState({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  // Again whenever the person is read or changed (a 就业登记 may end the zero-employment household).
  useEffect(() => {
    void load(person.householdId)
  }, [person, load])

  const household = state.status === 'done' ? state.household : null
  return (
    <View className="card" id="person-household">
      <View className="list-item__head">
        <Text className="card-title">家庭成员</Text>
        {household?.zeroEmployment ? (
          <Text className="tag tag--accent" id="person-household-zero">
            零就业家庭
          </Text>
        ) : null}
      </View>
      {state.status === 'none' ? (
        <Text className="muted">尚未关联家庭成员。零就业家庭须关联全部家庭成员后才能认定。</Text>
      ) : null}
      {state.status === 'loading' ? <Text className="muted">加载中…</Text> : null}
      {state.status === 'error' ? <Text className="form-field__error">{state.message}</Text> : null}
      {household?.rural ? (
        <Text className="muted" id="person-household-rural">
          农村家庭：不适用城镇零就业家庭认定
        </Text>
      ) : null}
      {household
        ? household.members.map((m) => (
            <View
              key={m.id}
              id={`household-member-${m.id}`}
              className="list-item__head wb-member"
              hoverClass={m.id === person.id ? undefined : 'btn--hover'}
              onClick={() => (m.id === person.id ? undefined : openPage(personPath(m.id)))}
            >
              <View className="wb-lines">
                <Text>
                  {m.name}
                  {m.id === person.id ? '（本人）' : ''} · {m.gender === 'male' ? '男' : '女'} ·{' '}
                  {`${m.age}\u00a0岁`}
                </Text>
                {m.label ? (
                  <Text className={m.counted ? 'kg-pending' : 'muted'}>
                    {m.counted ? m.label : `不计入：${m.label}`}
                  </Text>
                ) : null}
              </View>
              <Text className={`tag ${m.employmentStatus === 'unemployed' ? 'tag--accent' : 'tag--muted'}`}>
                {m.employmentLabel}
              </Text>
            </View>
          ))
        : null}
      <View
        id="person-household-add"
        className="btn btn--ghost btn--small"
        hoverClass="btn--hover"
        onClick={() => openPage(householdPickPath(person.id, person.name))}
      >
        添加家庭成员
      </View>
    </View>
  )
}
