import { KEY_GROUPS, type KeyGroup, type PersonView } from '@shared/people/person'
import type { PolicySummary } from '@shared/policies/policy'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { api, errorMessage, isApiError, uploadMaterial } from '../../../api/client'
import { ConfirmSheet, KeyValue } from '../../../components/Application'
import { ChoiceChips, DateBox, SelectBox } from '../../../components/Form'
import { chooseFile } from '../../../components/MaterialUploader'
import { formatDate, todayInChina } from '../../../utils/format'
import { openPage } from '../../../utils/nav'
import { toastText } from '../../../utils/toast'
import { CLAIMS_PATH } from '../policies'

type Sheet = { kind: 'add' } | { kind: 'end'; group: KeyGroup; label: string } | { kind: 'enjoyment' } | null

const firstIssue = (e: unknown): string =>
  isApiError(e) && e.issues?.length ? (e.issues[0]?.message ?? errorMessage(e)) : errorMessage(e)

/**
 * 认定与登记 on the person card: key groups (add with date, reason; end with date, reason),
 * declarations waiting for confirmation, benefits enjoyed (staff record them), and the history.
 */
export function KeyGroupsCard({
  person,
  onChange,
}: {
  person: PersonView
  onChange: (p: PersonView) => void
}) {
  const [sheet, setSheet] = useState<Sheet>(null)
  const [group, setGroup] = useState<KeyGroup | ''>('')
  const [date, setDate] = useState(todayInChina())
  const [reason, setReason] = useState('')
  const [policies, setPolicies] = useState<PolicySummary[]>([])
  const [policyIndex, setPolicyIndex] = useState(-1)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [showHistory, setShowHistory] = useState(false)
  const [evidence, setEvidence] = useState<{ id: string; name: string } | null>(null)
  const [uploading, setUploading] = useState(false)

  const attach = async () => {
    if (uploading) return
    const file = await chooseFile()
    if (!file) return
    setUploading(true)
    try {
      const saved = await uploadMaterial(file.bytes, file.name, file.type, person.id)
      setEvidence({ id: saved.id, name: saved.name })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setUploading(false)
    }
  }

  const held = new Set(person.keyGroups.map((g) => g.group))
  const addable = (Object.keys(KEY_GROUPS) as KeyGroup[])
    .filter((g) => !held.has(g))
    .map((g) => ({ value: g, label: KEY_GROUPS[g] }))

  const open = (next: Sheet) => {
    setSheet(next)
    setGroup('')
    setDate(todayInChina())
    setReason('')
    setError('')
    setFrom(todayInChina().slice(0, 7))
    setTo('')
    setPolicyIndex(-1)
    setEvidence(null)
    if (next?.kind === 'enjoyment' && policies.length === 0) {
      api('listPolicies')
        .then((r) => setPolicies(r.items.filter((p) => p.applicationType !== null)))
        .catch((e: unknown) => setError(errorMessage(e)))
    }
  }

  const submit = async () => {
    if (!sheet || busy) return
    setBusy(true)
    setError('')
    try {
      let saved: PersonView
      if (sheet.kind === 'add') {
        if (!group) throw new Error('请选择重点群体')
        if (reason.trim().length < 2) throw new Error('请填写认定依据')
        saved = await api('addKeyGroup', {
          params: { id: person.id },
          body: { group, since: date, reason: reason.trim(), ...(evidence ? { evidence: evidence.id } : {}) },
        })
        toastText(`已认定为${KEY_GROUPS[group]}`)
      } else if (sheet.kind === 'end') {
        if (reason.trim().length < 2) throw new Error('请填写结束原因')
        saved = await api('endKeyGroup', {
          params: { id: person.id, group: sheet.group },
          body: { date, reason: reason.trim() },
        })
        toastText(`已结束${sheet.label}身份`)
      } else {
        const policy = policies[policyIndex]
        if (!policy) throw new Error('请选择政策')
        if (reason.trim().length < 2) throw new Error('请填写说明')
        saved = await api('recordEnjoyment', {
          params: { id: person.id },
          body: { policyId: policy.id, from, to: to || null, note: reason.trim() },
        })
        toastText(`已登记享受「${policy.title}」`)
      }
      onChange(saved)
      setSheet(null)
    } catch (e) {
      setError(e instanceof Error && !isApiError(e) ? e.message : firstIssue(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card" id="person-groups">
      <Text className="card-title">认定与登记</Text>
      <KeyValue
        label="重点群体"
        id="person-key-groups"
        value={
          person.keyGroups.length ? (
            <View className="wb-lines">
              {person.keyGroups.map((g) => (
                <View key={g.group} className="kg-row" id={`person-group-${g.group}`}>
                  <Text className="tag tag--accent">{g.label}</Text>
                  <Text className="kg-row__since">{formatDate(g.since)} 起</Text>
                  <Text
                    className="kg-row__end"
                    id={`person-group-end-${g.group}`}
                    onClick={() => open({ kind: 'end', group: g.group, label: g.label })}
                  >
                    结束
                  </Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className="muted">暂无</Text>
          )
        }
      />
      {person.pendingGroups.length ? (
        <KeyValue
          label="待确认"
          id="person-pending-groups"
          value={
            <View className="wb-lines">
              {person.pendingGroups.map((g) => (
                <Text key={g.group} className="kg-pending" onClick={() => openPage(CLAIMS_PATH)}>
                  本人申报{g.label}（{formatDate(g.at)}）去确认 ›
                </Text>
              ))}
            </View>
          }
        />
      ) : null}
      <KeyValue
        label="失业登记"
        value={
          person.registration ? (
            <View className="wb-lines">
              <Text>证号 {person.registration.certificateNo}</Text>
              <Text className="muted">{formatDate(person.registration.registeredAt)} 登记</Text>
            </View>
          ) : (
            <Text className="muted">未登记</Text>
          )
        }
      />
      <KeyValue
        label="已享受政策"
        id="person-enjoyments"
        value={
          person.enjoyments.length ? (
            <View className="wb-lines">
              {person.enjoyments.map((e) => (
                <Text key={e.id} className={e.active ? '' : 'muted'}>
                  {e.label}（{e.to === null ? `${e.from} 起` : `${e.from} 至 ${e.to}`}）
                  {e.source === 'staff' ? ' · 登记' : ''}
                </Text>
              ))}
            </View>
          ) : (
            <Text className="muted">暂无</Text>
          )
        }
      />
      <View className="reach-actions">
        <View
          id="person-add-enjoyment"
          className="btn btn--plain btn--small"
          hoverClass="btn--hover"
          onClick={() => open({ kind: 'enjoyment' })}
        >
          登记已享受政策
        </View>
        {addable.length ? (
          <View
            id="person-add-group"
            className="btn btn--ghost btn--small"
            hoverClass="btn--hover"
            onClick={() => open({ kind: 'add' })}
          >
            认定重点群体
          </View>
        ) : null}
      </View>
      {person.keyGroupHistory.length ? (
        <>
          <Text
            className="kg-history-toggle"
            id="person-group-history-toggle"
            onClick={() => setShowHistory((v) => !v)}
          >
            {showHistory ? '收起变更记录 ▴' : `变更记录（${person.keyGroupHistory.length}）▾`}
          </Text>
          {showHistory
            ? [...person.keyGroupHistory].reverse().map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end
                <View key={i} className="kg-history">
                  <Text>
                    {formatDate(h.at)} {h.by} {h.actionLabel}「{h.label}」
                  </Text>
                  {h.reason ? <Text className="muted">{h.reason}</Text> : null}
                </View>
              ))
            : null}
        </>
      ) : null}

      <ConfirmSheet
        open={sheet !== null}
        title={
          sheet?.kind === 'add'
            ? `认定${person.name}的重点群体身份`
            : sheet?.kind === 'end'
              ? `结束${person.name}的“${sheet.label}”身份`
              : `登记${person.name}已享受的政策`
        }
        confirmText={sheet?.kind === 'end' ? '结束' : '登记'}
        confirmId="group-submit"
        danger={sheet?.kind === 'end'}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setSheet(null)}
      >
        {sheet?.kind === 'add' ? (
          <>
            <Text className="wb-sheet__label">重点群体</Text>
            <ChoiceChips
              id="group-pick"
              idPrefix="group-pick-"
              options={addable}
              value={group}
              onChange={(v) => {
                setGroup(v as KeyGroup)
                setError('')
              }}
            />
            <Text className="wb-sheet__label">证明材料（选填）</Text>
            <View className="kg-row">
              <Text className="muted">{evidence ? evidence.name : '如退役证、毕业证的照片'}</Text>
              <Text className="kg-row__end" id="group-evidence" onClick={() => void attach()}>
                {uploading ? '上传中…' : evidence ? '重新上传' : '上传'}
              </Text>
            </View>
          </>
        ) : null}
        {sheet?.kind === 'enjoyment' ? (
          <>
            <Text className="wb-sheet__label">政策</Text>
            <Picker
              id="enjoyment-policy"
              mode="selector"
              range={policies.map((p) => p.title)}
              value={Math.max(0, policyIndex)}
              onChange={(e) => {
                setPolicyIndex(Number(e.detail.value))
                setError('')
              }}
            >
              <SelectBox
                text={policies[policyIndex]?.title}
                placeholder={policies.length ? '请选择政策' : '加载中…'}
              />
            </Picker>
            <Text className="wb-sheet__label">起始月份</Text>
            <DateBox
              id="enjoyment-from"
              fields="month"
              value={from}
              end={`${Number(todayInChina().slice(0, 4)) + 3}-12`}
              placeholder="请选择"
              onChange={setFrom}
            />
            <Text className="wb-sheet__label">截止月份（一次性补贴可不填）</Text>
            <DateBox
              id="enjoyment-to"
              fields="month"
              value={to}
              start={from}
              initial={from}
              end={`${Number(todayInChina().slice(0, 4)) + 5}-12`}
              placeholder="不填"
              onChange={setTo}
            />
          </>
        ) : (
          <>
            <Text className="wb-sheet__label">{sheet?.kind === 'end' ? '结束日期' : '认定日期'}</Text>
            <DateBox
              id="group-date"
              fields="day"
              value={date}
              end={todayInChina()}
              placeholder="请选择日期"
              onChange={setDate}
            />
          </>
        )}
        <Text className="wb-sheet__label">
          {sheet?.kind === 'end' ? '结束原因' : sheet?.kind === 'add' ? '认定依据' : '说明'}
        </Text>
        {sheet?.kind === 'enjoyment' ? (
          <Input
            id="group-reason"
            className="form-input"
            type="text"
            maxlength={200}
            value={reason}
            placeholder="如：2026 年线下发放的岗位补贴"
            placeholderClass="form-placeholder"
            onInput={(e) => {
              setReason(e.detail.value)
              setError('')
            }}
          />
        ) : (
          <Textarea
            id="group-reason"
            className="form-textarea wb-textarea--short"
            maxlength={200}
            value={reason}
            placeholder={sheet?.kind === 'end' ? '如：已稳定就业满一年' : '如：入户核实，持有退役证'}
            placeholderClass="form-placeholder"
            onInput={(e) => {
              setReason(e.detail.value)
              setError('')
            }}
          />
        )}
        {error ? (
          <Text className="form-field__error" id="group-error">
            {error}
          </Text>
        ) : null}
      </ConfirmSheet>
    </View>
  )
}
