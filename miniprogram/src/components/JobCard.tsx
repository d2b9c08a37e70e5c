import { formatSalary, JOB_CATEGORIES, type JobSummary } from '@shared/jobs/job'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatPublished } from '../utils/format'
import './JobCard.scss'

/** Open a job; `from` says how the seeker found it (a push, a recommendation) for 我要应聘. */
export const openJobDetail = (id: string, from?: 'push' | 'recommendation'): void => {
  void Taro.navigateTo({
    url: `/pages/job-detail/index?id=${encodeURIComponent(id)}${from ? `&from=${from}` : ''}`,
  })
}

interface Props {
  job: JobSummary
  /** Element id prefix; ids must stay unique because Taro H5 keeps every visited tab page in the DOM. */
  idPrefix?: string
  from?: 'push' | 'recommendation'
  /** Why it is shown to this seeker ("意向岗位相符；在您所在镇"). */
  reasons?: string[]
  /** A note first among the tags (已报名, 已推送): apart from the reasons, which it would squeeze. */
  note?: string
}

export default function JobCard({ job, idPrefix = 'job-card-', from, reasons, note }: Props) {
  return (
    <View
      className="job-card"
      id={`${idPrefix}${job.id}`}
      hoverClass="job-card--hover"
      onClick={() => openJobDetail(job.id, from)}
    >
      <View className="job-card__head">
        <Text className="job-card__title">{job.title}</Text>
        <Text className="job-card__salary">{formatSalary(job.salaryMin, job.salaryMax)}</Text>
      </View>
      <View className="tags job-card__tags">
        {note ? <Text className="tag tag--muted job-card__note">{note}</Text> : null}
        {job.publicWelfare ? <Text className="tag tag--accent">公益性岗位</Text> : null}
        <Text className="tag">{JOB_CATEGORIES[job.category] ?? '其他'}</Text>
        {job.education ? <Text className="tag">{job.education}</Text> : null}
        <Text className="tag">招 {job.headcount} 人</Text>
        {job.benefits.slice(0, 2).map((b) => (
          <Text key={b} className="tag tag--ok">
            {b}
          </Text>
        ))}
      </View>
      {reasons?.length ? (
        <View className="job-card__reasons">
          <Text className="job-card__reasons-text">{reasons.join('；')}</Text>
        </View>
      ) : null}
      <View className="job-card__foot">
        <Text className="job-card__employer">{job.employer}</Text>
        <Text className="job-card__meta">
          {job.regionName} · {formatPublished(job.publishedAt)}
        </Text>
      </View>
    </View>
  )
}
