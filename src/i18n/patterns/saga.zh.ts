/** Strings of the Saga pattern (src/patterns/saga). Chinese keeps the seed's domain words (补偿, 空补偿, 幂等…). (Chinese; loaded only when this language is shown.) */
import tcc from './tcc.zh';

// The invariant names and descriptions shared with TCC.
const shared = Object.fromEntries(Object.entries(tcc).filter(([k]) => k.startsWith('inv.')));

const zh: Record<string, string> = {
  'pattern.saga.name': 'Saga（编排式）',
  'pattern.saga.desc':
    '同样的转账拆成正向步骤——T1 扣 Bob，T2 给 Smith 入账——每步都有补偿。协调者按顺序执行；某步失败就按相反顺序执行补偿，每个补偿重试到成功。没有预留：每一步立即对他人可见（没有隔离性）。',

  'role.saga.client': '客户端 / 第三方',
  'role.saga.tm': 'Saga 协调者',
  'role.saga.payer': '付款方账户服务',
  'role.saga.payee': '收款方账户服务',
  'node.saga.client': '客户端 / 审计方',
  'node.saga.TM': 'Saga 协调者',
  'node.saga.bob': 'Bob 的账户服务',
  'node.saga.smith': 'Smith 的账户服务',

  'scenario.saga.saga-happy.title': 'Saga：Bob 向 Smith 转账',
  'scenario.saga.saga-happy.desc': 'T1 扣 Bob，T2 给 Smith 入账；每步立即在本地提交。注意两步之间的在途资金。',
  'scenario.saga.saga-compensate.title': '某步失败 → 逆序补偿',
  'scenario.saga.saga-compensate.desc':
    'T2（给 Smith 入账）失败，协调者先执行 C2 再执行 C1。C2 是空补偿：有屏障时什么也不做；没有屏障时从 Smith 扣走他从未收到的 30 元。',
  'scenario.saga.saga-compensation-retry.title': '补偿一再失败',
  'scenario.saga.saga-compensation-retry.desc':
    'C1（给 Bob 退款）失败三次；协调者在 10、20、40 秒后重试直到成功。补偿不能放弃，只能重试，所以必须幂等。',
  'scenario.saga.saga-dirty-read.title': '脏读（没有隔离）',
  'scenario.saga.saga-dirty-read.desc':
    '步骤按先入账顺序；Bob 付不起 150 元。审计方在 T1 给 Smith 入账后读到 200。随后 C1 把钱扣回——审计方看到的值从未真正存在（“无脏读”在这次补偿时变红）。对比 TCC 的“没有脏读”。',
  'scenario.saga.saga-idempotency.title': '重复的正向操作（幂等）',
  'scenario.saga.saga-idempotency.desc':
    '网络把 T2 投递给 Smith 两次。没有屏障时 Smith 入账两次；有屏障时重复请求被跳过。',
  'scenario.saga.saga-tm-crash.title': '协调者崩溃',
  'scenario.saga.saga-tm-crash.desc':
    '协调者发出 T2 后崩溃，Smith 的回复丢失。恢复后按日志重发 T2：有屏障时重复被跳过，没有屏障时 Smith 入账两次。',

  'param.saga.amount': '金额',
  'param.saga.amount.help': 'Bob 向 Smith 转账的金额。',
  'param.saga.bobBalance': 'Bob 的余额',
  'param.saga.bobBalance.help': 'Bob 的初始可用余额。',
  'param.saga.smithBalance': 'Smith 的余额',
  'param.saga.smithBalance.help': 'Smith 的初始可用余额。',
  'param.saga.order': '步骤顺序',
  'param.saga.order.help': '先扣 Bob（通常的建议）或先给 Smith 入账。',
  'param.saga.retryInterval': '重试间隔',
  'param.saga.retryInterval.help': '未应答步骤第一次重试前的等待；每次重试后翻倍（dtm：10 秒）。',
  'param.saga.failStep': '失败的步骤',
  'param.saga.failStep.help': '哪个账户服务对正向操作返回 FAILURE。',
  'param.saga.transientBranch': '临时失败方',
  'param.saga.transientBranch.help': '哪个账户服务的补偿临时失败。',
  'param.saga.compensateFailures': '补偿失败次数',
  'param.saga.compensateFailures.help': '补偿成功前失败的次数。',
  'param.saga.auditAt': '审计时间',
  'param.saga.auditAt.help': '第三方读取余额的时间（0：不读）。',
  'param.saga.auditTarget': '审计账户',
  'param.saga.auditTarget.help': '第三方读取谁的余额。',

  'guard.saga.barrier': '子事务屏障',
  'guard.saga.barrier.desc':
    'dtm 的子事务屏障（正向操作 / 补偿）：正向操作从未提交的补偿是空补偿（跳过），重复请求被跳过（幂等），补偿之后到达的正向操作被拒绝（防悬挂）。',

  'saga.status.idle': '空闲',
  'saga.status.working': '进行中',
  'saga.status.none': '无记录',
  'saga.status.forward': '执行步骤中',
  'saga.status.compensating': '补偿中',
  'saga.status.succeeded': '成功',
  'saga.status.aborted': '已补偿',
  'saga.status.done': '步骤完成',
  'saga.status.failed': '步骤失败',
  'saga.status.compensated': '已补偿',
  'saga.status.emptyCompensation': '空补偿',
  'saga.status.refusedAction': '迟到的正向操作被拒',

  'saga.row.available': '可用',
  'saga.row.frozen': '冻结',
  'saga.row.pending': '预留入账',
  'saga.row.tx': '步骤事务',
  'saga.row.barrier': '屏障记录',
  'saga.row.applied': '处理执行次数',
  'saga.row.handled': '已处理请求',
  'saga.row.result': '结果',
  'saga.row.read': '读到的余额',
  'saga.row.gtx': 'Saga',
  'saga.row.step': '步骤',
  'saga.row.retry': '重试次数 · 下次间隔',
  'saga.row.awaiting': '等待回复',

  'saga.note.transfer': '客户端提交 Saga {{gid}}：从 Bob 向 Smith 转账 {{amount}}。',
  'saga.note.read': '第三方读取 {{node}} 的余额：{{balance}}。',
  'saga.note.begin': '协调者记录 Saga {{gid}}（{{amount}}），执行第一步。',
  'saga.note.decideCompensate': '{{step}} 在 {{node}} 失败：协调者为 {{gid}} 记录“补偿”，按相反顺序补偿。',
  'saga.note.retry': '协调者重试 {{gid}} 的 {{step}}（第 {{n}} 次）；下次重试在 {{next}} ms 后。',
  'saga.note.branchError': '{{node}} 对 {{gid}} 的 {{step}} 返回错误；协调者会重试。',
  'saga.note.finished.succeeded': 'Saga {{gid}} 成功：所有步骤完成。',
  'saga.note.finished.aborted': 'Saga {{gid}} 已补偿：所有尝试过的步骤都已撤销。',
  'saga.note.recover.forward': '协调者恢复：Saga {{gid}} 停在 {{step}}，重新执行。',
  'saga.note.recover.compensating': '协调者恢复：Saga {{gid}} 正在补偿 {{step}}，重新执行。',
  'saga.note.transientFail': '{{node}}：{{gid}} 的 {{op}} 临时失败（{{n}}/{{of}}），什么也没写入。',
  'saga.note.barrier.empty': '{{node}}：屏障——{{gid}} 的补偿找不到正向操作：空补偿，无需撤销。',
  'saga.note.barrier.duplicate': '{{node}}：屏障——{{gid}} 的 {{op}} 已执行过：重复请求被跳过（幂等）。',
  'saga.note.barrier.refused': '{{node}}：屏障——{{gid}} 的正向操作在补偿之后到达：拒绝（防悬挂）。',
  'saga.note.businessFail.rejected': '{{node}} 对 {{gid}} 的正向操作返回 FAILURE。',
  'saga.note.businessFail.insufficient': '{{node}}：可用余额不足，{{gid}} 的正向操作失败。',
  'saga.note.applied.action': '{{node}}：{{gid}} 的正向操作生效（{{amount}}），立即对所有人可见。',
  'saga.note.applied.compensate': '{{node}}：{{gid}} 的补偿撤销 {{amount}}。',
  'saga.note.duplicateApplied': '{{node}}：{{gid}} 的 {{op}} 又执行了一次——生效两次（不幂等）。',
  'saga.note.emptyApplied': '{{node}}：正向操作从未执行，{{gid}} 的补偿却执行了——空补偿被执行。',
  'saga.note.hangingApplied': '{{node}}：{{gid}} 的正向操作在补偿之后执行——悬挂，没人会撤销它。',
  'role.saga.payerEvents': '付款方账户服务（事件）',
  'role.saga.payeeEvents': '收款方账户服务（事件）',
  'scenario.saga.saga-choreography.title': '协同式：没有协调者',
  'scenario.saga.saga-choreography.desc':
    'Bob 的服务扣款，并在同一个本地事务里把给 Smith 服务的事件写入本地消息表（outbox）；中继不断投递直到 Smith 确认。没有谁掌握全局：客户端从最后一个服务得知结果。',
  'scenario.saga.saga-choreography-compensate.title': '协同式：用事件补偿',
  'scenario.saga.saga-choreography-compensate.desc':
    'Smith 的服务执行失败，向 Bob 的服务发布补偿事件；Bob 被退款，客户端得知 Saga 已中止。',
  'scenario.saga.saga-choreography-lost-ack.title': '协同式：确认丢失（幂等）',
  'scenario.saga.saga-choreography-lost-ack.desc':
    'Smith 的确认丢失，Bob 的中继再次发布事件（至少一次）。没有屏障时 Smith 入账两次；有屏障时重复被跳过。',
  'param.saga.coordination': '协调方式',
  'param.saga.coordination.help':
    '编排式：由协调者驱动各步骤（dtm、Seata 状态机）。协同式：服务之间通过本地消息表发布事件。',
  'saga.row.outbox': '待发事件',
  'saga.note.publish': '{{node}} 向 {{to}} 发布 {{gid}} 的 {{type}}（在同一个本地事务里写入本地消息表）。',
  'saga.note.relay': '{{node}} 的中继再次发布 {{n}} 个未确认的事件。',
  ...shared,
};

export default zh;
