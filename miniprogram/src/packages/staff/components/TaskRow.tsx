import type { FollowupTaskView } from '@shared/followups/followup'
import { Text, View } from '@tarojs/components'
import { formatDate, formatDateTime } from '../../../utils/format'
import { employmentLabel, keyGroupLabel, periodLabel } from '../followups'

const STATUS_TONE: Record<FollowupTaskView['status'], string> = {
  open: 'info',
  done: 'ok',
  missed: 'muted',
  exempt: 'muted',
}

/** Urgency badges: 紧急 (zero-employment / 72-hour), 困难 (difficulty person), 逾期. */
export function TaskBadges({ task }: { task: FollowupTaskView }) {
  return (
    <>
      {task.priority >= 2 ? <Text className="wb-badge wb-badge--urgent">紧急</Text> : null}
      {task.priority === 1 ? <Text className="wb-badge wb-badge--difficulty">困难</Text> : null}
      {task.overdue ? <Text className="wb-badge wb-badge--overdue">逾期</Text> : null}
      {task.lateSince && !task.overdue ? (
        <Text className="wb-badge wb-badge--overdue">
          {`${Number(task.lateSince.slice(5, 7))}月起漏跟踪`}
        </Text>
      ) : null}
    </>
  )
}

/**
 * One follow-up task in the workbench list. The current month's open list also carries earlier
 * months' tasks still open: those say which month they belong to.
 */
export function TaskRow({
  task,
  period,
  onOpen,
}: {
  task: FollowupTaskView
  period: string
  onOpen: () => void
}) {
  return (
    <View
      id={`task-${task.id}`}
      className={`list-item task-row${task.priority >= 2 && task.status === 'open' ? ' task-row--urgent' : ''}`}
      hoverClass="list-item--hover"
      onClick={onOpen}
    >
      <View className="list-item__head">
        <View className="task-row__name-line">
          <Text className="task-row__name">{task.personName}</Text>
          <TaskBadges task={task} />
        </View>
        <Text className={`status-badge status-badge--${STATUS_TONE[task.status]}`}>{task.statusLabel}</Text>
      </View>
      <View className="task-row__meta">
        <Text>{task.communityName ?? '本辖区'}</Text>
        <Text className="task-row__dot">·</Text>
        <Text className="task-row__employment">{employmentLabel(task.employmentStatus)}</Text>
      </View>
      {task.keyGroups.length > 0 ? (
        <View className="tags task-row__groups">
          {task.keyGroups.map((g) => (
            <Text key={g} className="tag">
              {keyGroupLabel(g)}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="list-item__foot">
        <Text className={task.overdue ? 'task-row__due--late' : ''}>
          {task.period !== period ? `${periodLabel(task.period)}任务 · ` : ''}截止 {formatDate(task.due)}
        </Text>
        {task.doneAt ? (
          <Text className="muted">{formatDateTime(task.doneAt)} 已跟踪</Text>
        ) : (
          <Text className="task-row__go">{task.status === 'open' ? '去跟踪 ›' : '查看 ›'}</Text>
        )}
      </View>
    </View>
  )
}
