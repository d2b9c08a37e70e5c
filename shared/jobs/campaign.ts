/**
 * The Spring Festival campaign for returning migrant workers (春风行动 / 返乡农民工摸排): from
 * 腊月 to 正月十五 by default, street and county count per week and per place how many came
 * back, how many want local work, how many the system referred to a job and how many were hired.
 */
export interface CampaignCounts {
  returned: number
  wantsLocal: number
  referred: number
  hired: number
}

export interface CampaignWeek extends CampaignCounts {
  /** Monday of the week (YYYY-MM-DD). */
  weekStart: string
  label: string
}

export interface CampaignRow extends CampaignCounts {
  code: string
  name: string
}

export interface CampaignReport {
  from: string
  to: string
  /** What the window is, in words: "2027 年春节（腊月初一至正月十五）" or the dates chosen. */
  label: string
  region: string
  regionName: string | null
  /** Whether the rows are towns (for the county) or communities. */
  rowLevel: 'town' | 'community'
  total: CampaignCounts
  weeks: CampaignWeek[]
  rows: CampaignRow[]
}
