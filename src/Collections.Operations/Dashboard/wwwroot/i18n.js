// Dashboard strings in English and Simplified Chinese. Keys are looked up by app.js (t('key')).
"use strict";
window.CollectionsI18n = {
  en: {
    brand: "Collections", "nav.overview": "Overview", signOut: "Forget key", cancel: "Cancel", confirm: "Confirm",
    "login.title": "Operations dashboard", "login.text": "Enter your API key (reader or operator). It is kept in this browser tab only.",
    "login.key": "API key", "login.submit": "Continue", "login.bad": "The key was not accepted.",
    loading: "Loading…", error: "Something went wrong", none: "None",
    "ov.title": "Overview", "ov.byStage": "Cases by stage", "ov.byStatus": "Cases by status", "ov.lights": "Traffic lights",
    "ov.aging": "Aging per currency", "ov.due": "Steps due in the next 7 days", "ov.failed": "Failed cases needing attention",
    "ov.files": "Recent ledger files", "ov.kpis": "KPIs, last 30 days", "ov.cases": "Cases",
    "kpi.promiseKept": "Promise-kept rate", "kpi.timeliness": "Collection timeliness", "kpi.agreement": "Agreement rate",
    "kpi.dso": "DSO (days)", "kpi.cei": "CEI", "kpi.badDebt": "Bad-debt rate", "kpi.recovery": "Recovery rate",
    green: "Green", yellow: "Yellow", red: "Red",
    "col.customer": "Customer", "col.stage": "Stage", "col.status": "Status", "col.next": "Next step", "col.overdue": "Overdue",
    "col.light": "Light", "col.file": "File", "col.received": "Received", "col.progress": "Progress", "col.errors": "Errors",
    "col.reason": "Reason", "col.invoice": "Invoice", "col.invoiceDate": "Invoice date", "col.due": "Due", "col.amount": "Amount",
    "col.open": "Open", "col.dpd": "Days past due", "col.source": "Source", "col.currency": "Currency", "col.disputed": "Disputed",
    "col.kind": "Notice", "col.sent": "Sent", "col.row": "Row", "col.column": "Column", "col.value": "Value", "col.bucket": "Bucket",
    "col.accounts": "Accounts", "col.entity": "Entity",
    "case.title": "Case", "case.balances": "Balances", "case.items": "Items", "case.timeline": "Timeline", "case.deliveries": "Deliveries",
    "case.actions": "Actions", "case.state": "State", "case.evidence": "Evidence pack", "case.download": "Download HTML",
    "case.nextTimer": "Next timer", "case.planned": "Planned step", "case.grade": "Credit grade", "case.daysOverdue": "Days overdue",
    "case.promise": "Promise", "case.pause": "Pause", "case.dnc": "Do not contact", "case.yes": "Yes", "case.no": "No",
    "act.promise": "Record promise", "act.dispute": "Dispute", "act.resolveDispute": "Resolve dispute", "act.pause": "Pause",
    "act.resume": "Resume", "act.escalateNow": "Escalate now", "act.approve": "Approve escalation", "act.reject": "Reject escalation",
    "act.writeOff": "Write off", "act.dncOn": "Do not contact", "act.dncOff": "Allow contact", "act.terminate": "Terminate", "act.retry": "Retry",
    "act.done": "Done.", "act.readOnly": "Your key may only read; actions need an operator key.",
    "f.promisedDate": "Promised date", "f.amount": "Amount", "f.currency": "Currency", "f.invoiceIds": "Invoice ids (comma-separated)",
    "f.reason": "Reason", "f.until": "Until (optional)", "f.resolution": "Resolution",
    "confirm.text": "Please confirm this action on case",
    "file.title": "Ledger file", "file.report": "Error report", "file.noErrors": "No errors recorded.", "file.message": "Outcome",
    "file.status": "Status", "file.asOf": "As of", "notFound": "Not found",
    "act.unchanged": "Nothing to change: the case already is in that state.", "file.applied": "Applied {rows} rows to {accounts} accounts.",
    "file.rejected": "Rejected with {errors} errors.", "file.inProgress": "In progress.", "file.other": "{status}.",
    "err.invalid": "The request is not valid", "err.notFound": "Not found", "err.conflict": "The case rejected the action",
    "err.media": "The request format is not supported", "err.server": "Server error; quote the trace id", "err.status": "Request failed (status {status})",
    "err.data": "Invalid value"
  },
  zh: {
    brand: "催收", "nav.overview": "总览", signOut: "清除密钥", cancel: "取消", confirm: "确认",
    "login.title": "运营看板", "login.text": "请输入接口密钥（只读或操作员）。密钥仅保存在当前浏览器标签页中。",
    "login.key": "接口密钥", "login.submit": "继续", "login.bad": "密钥无效。",
    loading: "加载中…", error: "出错了", none: "无",
    "ov.title": "总览", "ov.byStage": "按阶段统计", "ov.byStatus": "按状态统计", "ov.lights": "红绿灯",
    "ov.aging": "各币种账龄分布", "ov.due": "未来 7 天内到期的步骤", "ov.failed": "需处理的失败案件",
    "ov.files": "最近的台账文件", "ov.kpis": "关键指标（近 30 天）", "ov.cases": "案件",
    "kpi.promiseKept": "承诺兑现率", "kpi.timeliness": "催收及时率", "kpi.agreement": "还款协议达成率",
    "kpi.dso": "应收账款周转天数", "kpi.cei": "催收有效性指数", "kpi.badDebt": "坏账率", "kpi.recovery": "回收率",
    green: "绿", yellow: "黄", red: "红",
    "col.customer": "客户", "col.stage": "阶段", "col.status": "状态", "col.next": "下一步", "col.overdue": "逾期金额",
    "col.light": "灯", "col.file": "文件", "col.received": "接收时间", "col.progress": "进度", "col.errors": "错误数",
    "col.reason": "原因", "col.invoice": "发票号", "col.invoiceDate": "开票日期", "col.due": "到期日", "col.amount": "金额",
    "col.open": "未收金额", "col.dpd": "逾期天数", "col.source": "来源", "col.currency": "币种", "col.disputed": "争议",
    "col.kind": "通知", "col.sent": "发送时间", "col.row": "行", "col.column": "列", "col.value": "值", "col.bucket": "账龄段",
    "col.accounts": "账户数", "col.entity": "公司主体",
    "case.title": "案件", "case.balances": "余额", "case.items": "明细", "case.timeline": "时间线", "case.deliveries": "发送记录",
    "case.actions": "操作", "case.state": "状态", "case.evidence": "证据包", "case.download": "下载证据包",
    "case.nextTimer": "下次定时", "case.planned": "计划步骤", "case.grade": "信用等级", "case.daysOverdue": "逾期天数",
    "case.promise": "还款承诺", "case.pause": "暂停", "case.dnc": "禁止联系", "case.yes": "是", "case.no": "否",
    "act.promise": "记录还款承诺", "act.dispute": "登记争议", "act.resolveDispute": "解决争议", "act.pause": "暂停",
    "act.resume": "恢复", "act.escalateNow": "立即升级", "act.approve": "批准升级", "act.reject": "拒绝升级",
    "act.writeOff": "核销", "act.dncOn": "禁止联系", "act.dncOff": "允许联系", "act.terminate": "终止", "act.retry": "重试",
    "act.done": "已完成。", "act.readOnly": "当前密钥为只读，操作需要操作员密钥。",
    "f.promisedDate": "承诺日期", "f.amount": "金额", "f.currency": "币种", "f.invoiceIds": "发票号（逗号分隔）",
    "f.reason": "原因", "f.until": "截止（可选）", "f.resolution": "处理结果",
    "confirm.text": "请确认对以下案件执行此操作",
    "file.title": "台账文件", "file.report": "错误报告", "file.noErrors": "无错误记录。", "file.message": "结果",
    "file.status": "状态", "file.asOf": "截止日期", "notFound": "未找到",
    "act.unchanged": "无需更改：案件已处于该状态。", "file.applied": "已应用 {rows} 行，涉及 {accounts} 个账户。",
    "file.rejected": "已拒绝，共 {errors} 个错误。", "file.inProgress": "处理中。", "file.other": "{status}。",
    "err.invalid": "请求无效", "err.notFound": "未找到", "err.conflict": "案件拒绝了此操作",
    "err.media": "请求格式不受支持", "err.server": "服务器出错，请提供跟踪号", "err.status": "请求失败（状态码 {status}）",
    "err.data": "数据无效"
  }
};

// Names the API sends as codes (enums, deferral reasons, error codes, field names), shown translated in Chinese.
// English shows the API's own names, except where a friendlier one is listed under "en".
window.CollectionsLabels = {
  en: {
    buckets: { current: "Current" },
    actors: {},
    values: { "true": "yes", "false": "no" }
  },
  zh: {
    stages: { PreDue: "到期前", Reminder: "友好提醒", Demand: "催款函", FinalNotice: "最后通知函", Escalated: "已升级法务", Resolved: "已结清", WrittenOff: "已核销", None: "无" },
    statuses: { Pending: "待处理", Running: "进行中", Suspended: "已暂停", Completed: "已完成", Terminated: "已终止", Failed: "失败" },
    fileStatuses: { Received: "已接收", Validating: "校验中", Applying: "应用中", Applied: "已应用", Rejected: "已拒绝", Duplicate: "重复文件", Stale: "已过时" },
    outboxStatuses: { Pending: "待发送", Sending: "发送中", Sent: "已发送", Failed: "发送失败", Cancelled: "已取消", Uncertain: "状态未知" },
    notices: {
      PreDue: "付款通知函", Reminder: "友好提醒", Demand: "催款函", FinalNotice: "最后通知函", Escalation: "律师函", Receipt: "收款确认",
      PromiseConfirmation: "还款承诺确认", DisputeAcknowledgement: "争议受理确认", ApprovalReminder: "审批提醒", LegalHandoff: "法务移交", ApprovalRequest: "升级审批申请"
    },
    timeline: {
      CaseOpened: "开立案件", ItemAdded: "新增款项", ItemPartiallyPaid: "部分付款", ItemSettled: "款项结清", ItemChanged: "款项变更", PaymentReceived: "收到付款",
      NoticeSent: "已发通知", NoticeDeferred: "通知延后", NoticeSuppressed: "通知未发", NoticeFailed: "通知失败", PromiseRecorded: "记录还款承诺",
      PromiseKept: "承诺已兑现", PromiseBroken: "承诺未兑现", Disputed: "登记争议", DisputeResolved: "争议已解决", Paused: "已暂停", Resumed: "已恢复",
      DoNotContactOn: "禁止联系", DoNotContactOff: "允许联系", EscalationRequested: "申请升级", ApprovalRequested: "请求审批", ApprovalGranted: "批准升级",
      ApprovalRejected: "拒绝升级", Escalated: "已升级法务", Resolved: "已结清", WrittenOff: "已核销", Terminated: "已终止", Failed: "处理失败", Retried: "已重试"
    },
    deferrals: {
      NonBusinessDay: "非工作日", OutsideSendWindow: "不在发送时段", MinimumGap: "距上次通知间隔不足", FinalNoticeFirst: "须先发出最后通知函",
      Paused: "案件已暂停", PromisePending: "还款承诺期内", Disputed: "逾期款项均有争议", AwaitingApproval: "等待升级审批",
      EscalationRejected: "升级已被拒绝", DoNotContact: "禁止联系", "pause ended": "暂停到期", Paid: "已付清"
    },
    nextKinds: { LadderStep: "下一催收步骤", PauseEnds: "暂停结束", PromiseDue: "承诺到期", ApprovalReminder: "审批提醒" },
    buckets: { current: "未逾期", "1-30": "1-30 天", "31-60": "31-60 天", "61-90": "61-90 天", "90+": "90 天以上" },
    actors: { system: "系统", ledger: "台账" },
    values: { "true": "是", "false": "否" },
    dataKeys: {
      file: "文件", sha256: "文件指纹", asOf: "截止日期", items: "款项数", promisedDate: "承诺日期", amount: "金额", currency: "币种", until: "截止时间",
      supersedesPrevious: "取代此前承诺", invoiceIds: "发票号", invoiceId: "发票号", dueDate: "到期日", open: "未收金额", kind: "类型",
      outcome: "结果", status: "状态", stage: "阶段", failure: "失败原因", reason: "原因", row: "行"
    },
    fields: {
      promisedDate: "承诺日期", amount: "金额", currency: "币种", invoiceIds: "发票号", reason: "原因", until: "截止时间", resolution: "处理结果",
      on: "禁止联系", instanceId: "案件编号", id: "文件编号", from: "开始日期", to: "结束日期", pageSize: "每页条数", continuationToken: "分页标记",
      q: "搜索", body: "请求内容", "Content-Type": "内容类型", format: "格式", olderThanDays: "天数", entity: "公司主体", stage: "阶段",
      runtimeStatus: "状态", light: "灯", grade: "信用等级", nextActionFrom: "下一步开始时间", nextActionTo: "下一步结束时间", request: "请求"
    },
    // The case machine's reasons (English from the API) by pattern; the first match wins.
    reasons: [
      [/concurrent actions/, "案件正被同时修改，请刷新后重试"],
      [/case is closed/, "案件已结案，不能再操作"],
      [/not been opened/, "案件尚未由台账开立"],
      [/nothing is overdue|nothing is owed/, "当前没有逾期金额"],
      [/promised amount must be positive/, "承诺金额必须为正数"],
      [/has no items in/, "该账户没有此币种的款项"],
      [/promised date/, "承诺日期须在今天起 30 天之内"],
      [/same promise/, "相同的还款承诺已记录"],
      [/dispute needs a reason|needs a reason/, "需要填写原因"],
      [/no open invoice/, "该账户没有这些未结发票"],
      [/already disputed/, "这些发票已在争议中"],
      [/not disputed/, "这些发票未处于争议中"],
      [/already paused/, "案件已暂停"],
      [/pause must end in the future/, "暂停截止时间须在将来"],
      [/not paused/, "案件未暂停"],
      [/escalation is already requested/, "已申请升级"],
      [/already escalated/, "案件已升级"],
      [/already approved/, "升级已批准"],
      [/already rejected/, "升级已拒绝"],
      [/no escalation awaits approval/, "没有待审批的升级"],
      [/already written off/, "案件已核销"],
      [/already terminated/, "案件已终止"],
      [/do-not-contact is already/, "禁止联系状态未变"],
      [/has failed; retry/, "案件处理失败，请先重试"],
      [/has not failed/, "案件未失败，无需重试"],
      [/not found/, "未找到"]
    ],
    ledgerErrors: {
      NotALedger: "不是台账文件", Encoding: "文件编码无法识别", Malformed: "文件结构有误", MissingColumns: "缺少必填列", DuplicateColumn: "列重复",
      Required: "必填值为空", InvalidDate: "日期无效", InvalidAmount: "金额无效", UnknownCurrency: "未知币种", SignRule: "金额正负不符合规则",
      InvalidFlag: "争议标记无效", InvalidLanguage: "语言无效", InvalidTimeZone: "时区无效", InvalidCountry: "国家代码无效", InvalidGrade: "信用等级无效",
      InvalidEmail: "电子邮件地址无效", InvalidIdentifier: "标识符无效", DuplicateInvoice: "发票号重复", AsOfConflict: "截止日期冲突",
      InconsistentAccount: "同一账户信息不一致"
    }
  }
};
