import { formatSalary, JOB_CATEGORIES, type JobSummary } from '@shared/jobs/job'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatPublished } from '../utils/format'
import './JobCard.scss'

export const openJobDetail = (id: string): void => {
  void Taro.navigateTo({ url: `/pages/job-detail/index?id=${encodeURIComponent(id)}` })
}

interface Props {
  job: JobSummary
  /** Element id prefix; ids must stay unique because Taro H5 keeps every visited tab page in the DOM. */
  idPrefix?: string
}

export default function JobCard({ job, idPrefix = 'job-card-' }: Props) {
  return (
    <View
      className="job-card"
      id={`${idPrefix}${job.id}`}
      hoverClass="job-card--hover"
      onClick={() => openJobDetail(job.id)}
    >
      <View className="job-card__head">
        <Text className="job-card__title">{job.title}</Text>
        <Text className="job-card__salary">{formatSalary(job.salaryMin, job.salaryMax)}</Text>
      </View>
      <View className="tags job-card__tags">
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
      <View className="job-card__foot">
        <Text className="job-card__employer">{job.employer}</Text>
        <Text className="job-card__meta">
          {job.regionName} · {formatPublished(job.publishedAt)}
        </Text>
      </View>
    </View>
  )
}
