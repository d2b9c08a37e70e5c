/**
 * Stable error codes shared by the functions and the mini-program.
 *
 * The client switches on `code`, never on the message; the message is what a resident reads,
 * so it is plain Chinese and never mentions internals.
 */
export const ERRORS = {
  'REQUEST.MALFORMED_JSON': { status: 400, message: '请求内容不是有效的 JSON' },
  'REQUEST.INVALID': { status: 400, message: '请求参数有误' },
  'REQUEST.TOO_MANY': { status: 429, message: '操作太频繁，请稍后再试' },
  'REQUEST.INVALID_PATH': { status: 400, message: '请求地址无效' },
  'REQUEST.INVALID_CURSOR': { status: 400, message: '分页参数无效，请刷新后重试' },
  'REQUEST.TOO_LARGE': { status: 413, message: '请求内容过大' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { status: 415, message: '请求内容格式不受支持' },
  'ROUTE.NOT_FOUND': { status: 404, message: '请求的接口不存在' },
  'ROUTE.METHOD_NOT_ALLOWED': { status: 405, message: '请求方法不被允许' },
  'AUTH.REQUIRED': { status: 401, message: '请先登录' },
  'AUTH.INVALID_TOKEN': { status: 401, message: '登录已失效，请重新登录' },
  'AUTH.FORBIDDEN': { status: 403, message: '没有权限进行此操作' },
  'AUTH.ROLE_CHANGED': { status: 401, message: '您的权限已变更（开通或收回），请重新登录' },
  'AUTH.DEV_LOGIN_DISABLED': { status: 403, message: '开发登录仅在本地演示模式下可用' },
  'AUTH.WECHAT_LOGIN_FAILED': { status: 502, message: '微信登录失败，请稍后重试' },
  'JOB.NOT_FOUND': { status: 404, message: '岗位不存在或已下架' },
  'PERSON.NOT_REGISTERED': { status: 404, message: '尚未登记个人信息，请先完善实名信息' },
  'PERSON.NOT_FOUND': { status: 404, message: '人员不存在' },
  'HOUSEHOLD.NOT_FOUND': { status: 404, message: '家庭不存在' },
  'PERSON.IDENTITY_LOCKED': {
    status: 409,
    message: '姓名和身份证号已用于办理业务，不能自行修改；如需更正，请携带身份证到社区办理',
  },
  'PERSON.PHONE_CODE_INVALID': { status: 400, message: '验证码不正确或已过期，请重新获取' },
  'PERSON.NAME_MISMATCH': {
    status: 409,
    message: '姓名与社区登记的信息不一致，请核对；如登记有误，请联系社区更正',
  },
  'PERSON.ALREADY_BOUND': { status: 409, message: '您已登记实名信息，无需再次申请核实' },
  'BIND_REQUEST.CANNOT_CONFIRM': { status: 409, message: '该申请暂不能确认，请核实后处理' },
  'STAFF.NOT_ADMIN': { status: 403, message: '需要县级系统管理员权限' },
  'STAFF.ALREADY_STAFF': { status: 409, message: '您已是工作人员，无需申请；岗位变动请联系县级系统管理员' },
  'STAFF.EMPLOYER_ACCOUNT': { status: 409, message: '用人单位账号不能申请工作人员权限，请用个人微信申请' },
  'STAFF.ACCOUNT_NOT_FOUND': { status: 404, message: '该账号不存在或不是本县工作人员' },
  'STAFF.REQUEST_NOT_FOUND': { status: 404, message: '申请不存在或已处理' },
  'STAFF.SELF': { status: 409, message: '不能收回或降低自己的管理员权限，请由其他管理员操作' },
  'BIND_REQUEST.NOT_FOUND': { status: 404, message: '核实申请不存在或已处理' },
  'PERSON.ID_TAKEN': { status: 409, message: '该身份证号已被登记，如有疑问请联系所在社区' },
  'APPLICATION.NOT_FOUND': { status: 404, message: '申请不存在' },
  'APPLICATION.ALREADY_REGISTERED': { status: 409, message: '您已办理失业登记，无需重复申请' },
  'APPLICATION.ALREADY_OPEN': { status: 409, message: '您已有同类申请正在办理中，请勿重复提交' },
  'APPLICATION.IDEMPOTENCY_CONFLICT': { status: 409, message: '重复的提交编号，请刷新后重试' },
  'APPLICATION.OWN_CASE': {
    status: 403,
    message: '这是您本人或家庭成员的申请，须回避，请由同级其他工作人员审核',
  },
  'APPLICATION.WRONG_STAGE': { status: 409, message: '该申请当前不在此环节，可能已被处理，请刷新' },
  'APPLICATION.CLOSED': { status: 409, message: '该申请已办结，不能再操作' },
  'CARD.NOT_FOUND': { status: 404, message: '就业援助卡不存在' },
  'CARD.WRONG_STATUS': { status: 409, message: '该卡当前状态不能进行此操作，请刷新' },
  'CARD.ALREADY_INSPECTED': { status: 409, message: '该卡本年度已年检' },
  'FILE.QUOTA_EXCEEDED': {
    status: 409,
    message: '您上传的材料已达上限（60 个、60 MB），如需更多请联系社区工作人员',
  },
  'FILE.NOT_FOUND': { status: 404, message: '文件不存在' },
  'FILE.CLOUD_ONLY': { status: 409, message: '此服务不经云存储上传，请直接上传文件' },
  'FILE.SLOT_UNKNOWN': { status: 403, message: '上传凭证无效或已过期，请重新上传' },
  'TASK.NOT_FOUND': { status: 404, message: '跟踪任务不存在' },
  'TASK.CLOSED': { status: 409, message: '该跟踪任务已完成或已逾期关闭' },
  'DEDUCTION.NOT_FOUND': { status: 404, message: '扣分记录不存在' },
  'DEDUCTION.CANCELLED': { status: 409, message: '该扣分已撤销' },
  'DEDUCTION.EXISTS': { status: 409, message: '该人员本年度已因此事由扣分，不重复扣分' },
  'CASE.NOT_FOUND': { status: 404, message: '安置个案不存在' },
  'AGREEMENT.NOT_FOUND': { status: 404, message: '尚未制定就业援助协议' },
  'AGREEMENT.CHANGED': { status: 409, message: '协议已被他人修改，请刷新后再改' },
  'AGREEMENT.NOT_SIGNED': { status: 409, message: '协议尚未经本人确认，不能登记完成事项' },
  'CASE.CLOSED': { status: 409, message: '该个案已安置办结' },
  'CASE.ALREADY_OPEN': { status: 409, message: '该人员已有进行中的安置个案' },
  'NOTICE.NOT_OPEN': { status: 409, message: '该公示已结束或不存在' },
  'REGION.NOT_FOUND': { status: 404, message: '行政区划不存在' },
  'POLICY.NOT_FOUND': { status: 404, message: '政策不存在或已撤回' },
  'POLICY.ALREADY_PUBLISHED': { status: 409, message: '该政策已发布，无需重复发布' },
  'POLICY.WITHDRAWN': { status: 409, message: '该政策已撤回，不能再编辑或发布' },
  'POLICY.STALE': { status: 409, message: '该政策已被他人修改，请刷新后再编辑' },
  'POLICY_NOTICE.NOT_FOUND': { status: 404, message: '政策通知不存在或已撤回' },
  'POLICY_NOTICE.ALREADY_PUBLISHED': { status: 409, message: '该通知已发布，无需重复发布' },
  'POLICY_NOTICE.WITHDRAWN': { status: 409, message: '该通知已撤回，不能再编辑或发布' },
  'APPLICATION.SUBSIDY_OVERLAP': {
    status: 409,
    message: '申请的月份与已享受的补贴重叠，同一时期不能重复享受',
  },
  'KEY_GROUP.ALREADY_HELD': { status: 409, message: '该人员已属于这一重点群体' },
  'KEY_GROUP.NOT_HELD': { status: 409, message: '该人员不属于这一重点群体' },
  'KEY_GROUP.CLAIM_NOT_FOUND': { status: 404, message: '没有待确认的身份申报' },
  'KEY_GROUP.ALREADY_CLAIMED': { status: 409, message: '您已申报过该身份，请等待社区确认' },
  'EMPLOYER.NOT_FOUND': { status: 404, message: '用人单位不存在' },
  'EMPLOYER.NOT_REGISTERED': { status: 404, message: '请先登记单位信息' },
  'EMPLOYER.CODE_TAKEN': {
    status: 409,
    message: '该统一社会信用代码的单位已登记，如需管理请联系所在街道（镇）人社服务机构',
  },
  'EMPLOYER.NOT_VERIFIED': { status: 409, message: '单位尚未通过核验，岗位暂不能发布' },
  'EMPLOYER.WRONG_STATUS': { status: 409, message: '该单位当前状态不能进行此操作，请刷新' },
  'VACANCY.NOT_FOUND': { status: 404, message: '岗位不存在' },
  'VACANCY.WRONG_STATUS': { status: 409, message: '该岗位当前状态不能进行此操作，请刷新' },
  'JOB.CLOSED': { status: 409, message: '该岗位已招满、暂停或过期，不能再应聘，请看看其他岗位' },
  'INTEREST.NOT_FOUND': { status: 404, message: '应聘记录不存在' },
  'INTEREST.WRONG_STATUS': { status: 409, message: '该应聘已有结果，不能再更改，请刷新' },
  'WELFARE.NOT_FOUND': { status: 404, message: '公益性岗位不存在' },
  'WELFARE.FULL': { status: 409, message: '该公益性岗位已满员，不能再安置' },
  'WELFARE.ALREADY_PLACED': { status: 409, message: '该人员已在公益性岗位上' },
  'WELFARE.NOT_ELIGIBLE': {
    status: 409,
    message: '该人员不在公益性岗位安置范围内（零就业家庭成员、就业困难人员）',
  },
  'WELFARE.PRIORITY': {
    status: 409,
    message: '本镇（街道）还有零就业家庭成员待安置，应优先安置',
  },
  'SESSION.NOT_FOUND': { status: 404, message: '活动不存在或已取消' },
  'SESSION.ENDED': { status: 409, message: '该活动已开始或已结束，不能再预约' },
  'SESSION.BOOKING_NOT_OPEN': { status: 409, message: '该活动尚未开放预约' },
  'SESSION.BOOKING_CLOSED': { status: 409, message: '该活动预约已截止' },
  'SESSION.NOT_FOR_YOU': { status: 403, message: '该活动不面向您，不能预约' },
  'SESSION.SLOT_REQUIRED': { status: 400, message: '请选择一个时段' },
  'SESSION.SLOT_TAKEN': { status: 409, message: '该时段已被预约，请选择其他时段' },
  'SESSION.CAPACITY_BELOW_BOOKED': { status: 409, message: '名额不能少于已预约人数' },
  'SESSION.NOT_HOST': { status: 403, message: '只有举办单位可以操作本活动' },
  'BOOKING.NOT_FOUND': { status: 404, message: '预约不存在' },
  'BOOKING.TOO_MANY': { status: 409, message: '您未参加的预约已达上限，请先参加或取消已有预约' },
  'BOOKING.CONFIRM_NEEDED': { status: 409, message: '您此前有多次预约未到场，请确认本次会按时参加' },
  'BOOKING.CUTOFF': { status: 409, message: '已过取消截止时间，不能取消；如不能参加请联系举办单位' },
  'BOOKING.NOT_ACTIVE': { status: 409, message: '该预约已取消或已结束' },
  'BOOKING.NOT_BOOKED': { status: 409, message: '没有找到该签到码对应的有效预约，不能签到' },
  'REACH.NOT_FOUND': { status: 404, message: '没有找到该人员的政策记录' },
  'CANDIDATE.NOT_FOUND': { status: 404, message: '没有找到该扣分候选' },
  'CANDIDATE.DECIDED': { status: 409, message: '该扣分候选已处理' },
  'SCHEDULE.UNKNOWN_JOB': { status: 404, message: '没有这个定时任务' },
  'STORE.CONFLICT': { status: 409, message: '数据已被修改，请刷新后重试' },
  'SERVICE.UNAVAILABLE': { status: 503, message: '服务暂时不可用，请稍后重试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERRORS

/** One problem with one input field, named by its path ("minSalary", "body.region"). */
export interface FieldIssue {
  field: string
  message: string
}

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  requestId?: string
  issues?: FieldIssue[]
}

/** A failure the caller can act on. Thrown by use cases and middleware, mapped to HTTP once. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly issues?: FieldIssue[]
  /** For 429: when trying again can succeed (the Retry-After header). */
  readonly retryAfterSeconds?: number

  constructor(
    code: ErrorCode,
    options: { message?: string; issues?: FieldIssue[]; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(options.message ?? ERRORS[code].message, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = ERRORS[code].status
    this.issues = options.issues
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

export const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string'
