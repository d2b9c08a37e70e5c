import { localCloudBaseTarget } from '../../functions/store/cloudbase-app'
/**
 * Bundled with the CloudBase build's plugins by tests/contract/cloudbase-bundle.contract.test.ts:
 * what a deployed CloudBase function does with the SDK it carries (its AI, data-model and
 * mime parts left out) — database reads and writes, a transaction, cloud storage — and the
 * lazily loaded exceljs chunk.
 */

import { workbookBytes, writeRosterWorkbook } from '../../functions/contexts/reports/workbook'
import { cloudbaseFileStore } from '../../functions/files-store/cloudbase-file-store'
import { openCloudBaseStore } from '../../functions/store/cloudbase-store'
import { jobs } from '../../functions/store/collections'

export const probe = async (serviceUrl: string) => {
  const target = localCloudBaseTarget(serviceUrl)
  const store = await openCloudBaseStore(target)
  const doc = { id: 'job_probe', title: '探针岗位', region: '320621100', status: 'published' }
  await store.insert(jobs, doc as never)
  await store.transaction(async (tx) => {
    await tx.update(jobs, doc.id, { title: '事务内修改' } as never)
  })
  const found = await store.find(jobs, {
    where: [{ field: 'region', op: 'eq', value: '320621100' }],
    orderBy: [],
    limit: 5,
  })
  const files = await cloudbaseFileStore(target)
  const ref = await files.put('psn_probe/file_1', Buffer.from('probe bytes'), 'image/png')
  const back = (await files.get(ref))?.toString()
  await files.delete(ref)
  const xlsx = await workbookBytes((out) =>
    writeRosterWorkbook(out, {
      title: '花名册',
      unit: '海安镇',
      stamp: '2026年12月',
      headers: ['姓名'],
      widths: [10],
      rows: [['张三']],
    }),
  )
  return {
    titles: found.items.map((j) => j.title),
    back,
    gone: await files.get(ref),
    xlsxMagic: xlsx.subarray(0, 2).toString(),
  }
}
