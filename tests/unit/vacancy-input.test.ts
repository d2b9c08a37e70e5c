import { vacancyInputSchema } from '../../shared/employers/employer'

/** A vacancy form's refusals say what to do: a choice not made, a box left empty, or a bad value. */
const valid = {
  title: '仓库管理员',
  category: 'logistics',
  count: 2,
  salaryMin: 5000,
  salaryMax: 6500,
  region: '320621100',
  validUntil: '2099-12-31',
  description: '仓库收发货、盘点。',
}
const messages = (input: Record<string, unknown>) => {
  const r = vacancyInputSchema.safeParse(input)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

it('asks for what was left out, in words that say so', () => {
  const { category: _c, salaryMin: _m, count: _n, ...rest } = valid
  expect(messages(rest)).toMatchObject({
    category: '请选择岗位类别',
    salaryMin: '请填写最低月薪',
    count: '请填写招聘人数',
  })
})

it('names a wrong value as wrong', () => {
  expect(messages({ ...valid, category: 'astronaut', salaryMax: '很多' })).toMatchObject({
    category: '岗位类别不存在',
    salaryMax: '最高月薪应为数字',
  })
  expect(messages(valid)).toEqual({})
})
