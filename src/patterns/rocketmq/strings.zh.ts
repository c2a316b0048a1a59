/** RocketMQ 事务消息模式（src/patterns/rocketmq）的文字。（中文） */
import { meta } from './meta';
const zh: Record<string, string> = {
  'pattern.rocketmq.name': meta.name.zh,
  'pattern.rocketmq.desc':
    '订单服务先发送一条半消息：消息代理存储它，但对消费者不可见；订单服务执行本地事务，再以单向调用提交或回滚这条消息。一直等待的半消息会被反查：消息代理每轮询问一次生产者的回查监听器，最多 15 次。库存服务的消费是至少一次，因此必须幂等；消费失败按 10 秒 … 2 小时的阶梯重试，最后进入死信队列。',

  'role.rocketmq.producer': '订单服务（事务生产者）+ 数据库',
  'role.rocketmq.broker': 'RocketMQ 消息代理',
  'role.rocketmq.consumer': '消费者（库存）',
  'node.rocketmq.producer': '订单服务',
  'node.rocketmq.broker': 'RocketMQ 消息代理',
  'node.rocketmq.consumer': '库存服务',

  'scenario.rocketmq.s-rmq-happy.title': '正常流程：半消息、本地事务、提交',
  'scenario.rocketmq.s-rmq-happy.desc':
    '（1）半消息被存储，消费者不可见。（2）消息代理确认。（3）订单服务在一个本地事务中提交订单和事务日志记录。（4）COMMIT 使消息在 ORDER_TOPIC 中可见；库存服务只扣减一次库存。',
  'scenario.rocketmq.s-rmq-commit-lost.title': 'S-TXM-1：COMMIT 丢失，反查提交',
  'scenario.rocketmq.s-rmq-commit-lost.desc':
    '单向的 COMMIT 没有到达：订单已提交，消息仍是半消息。生成 6 秒后的第一轮反查（第 60 秒）询问生产者；回查监听器查到已提交的记录，回答 COMMIT。消息晚了一分钟才可见。',
  'scenario.rocketmq.s-rmq-unknow.title': 'S-TXM-1：本地事务返回 UNKNOW',
  'scenario.rocketmq.s-rmq-unknow.desc':
    'executeLocalTransaction 已提交，却返回 UNKNOW（无法确定结果，或业务稍后才完成）。消息代理什么也不做，直到第 60 秒的反查；回查监听器读到已提交的记录，回答 COMMIT。',
  'scenario.rocketmq.s-rmq-slow-local.title': 'S-TXM-1：第一次反查时仍在执行 → 下一轮再问',
  'scenario.rocketmq.s-rmq-slow-local.desc':
    '本地事务要执行 90 秒。第 60 秒的反查发现它仍在执行，监听器回答 UNKNOW；下一轮（第 120 秒）发现已提交，消息随之提交。',
  'scenario.rocketmq.s-rmq-rollback.title': '回滚：业务失败',
  'scenario.rocketmq.s-rmq-rollback.desc':
    '本地事务失败并回滚；生产者发送 ROLLBACK，消息代理删除半消息。没有消费者会看到它。',
  'scenario.rocketmq.s-rmq-producer-crash.title': 'S-TXM-1：生产者在发出半消息后崩溃',
  'scenario.rocketmq.s-rmq-producer-crash.desc':
    '消息代理确认半消息时生产者崩溃，本地事务没有结束，什么也没提交。恢复后在第 60 秒被反查：事务日志中没有记录，回查监听器回答 ROLLBACK。',
  'scenario.rocketmq.s-rmq-half-ack-lost.title': 'S-TXM-1：半消息的确认丢失',
  'scenario.rocketmq.s-rmq-half-ack-lost.desc':
    '消息代理已存储半消息，但确认丢失：3 秒后发送抛出异常，下单失败，并记入事务日志。第 60 秒的反查读到失败，回滚半消息。',
  'scenario.rocketmq.s-rmq-check-max.title': '最后一次反查：有缺陷的回查监听器',
  'scenario.rocketmq.s-rmq-check-max.desc':
    '本地事务已提交但返回 UNKNOW，而回查监听器不查表、每次都回答 UNKNOW。消息代理每分钟反查一次，共 15 次，第 16 分钟把消息丢弃到 TRANS_CHECK_MAX_TIME_TOPIC：订单存在，消息却永远不会投递。',
  'scenario.rocketmq.s-rmq-consumer-retry.title': '消费者失败三次：重试阶梯',
  'scenario.rocketmq.s-rmq-consumer-retry.desc':
    '库存服务三次返回 RECONSUME_LATER。消息代理在每次失败后分别等 10 秒、30 秒、1 分钟，把消息投入 %RETRY%inventory_group；第四次扣减库存成功。',
  'scenario.rocketmq.s-rmq-dlq.title': '消费者总是失败：重试 16 次后进入 %DLQ%',
  'scenario.rocketmq.s-rmq-dlq.desc':
    '每次都失败。按 10 秒、30 秒、1 分钟 … 1 小时、2 小时的阶梯重试 16 次（共 4 小时 45 分 40 秒）后，消息进入死信主题 %DLQ%inventory_group，没有人消费它：已提交的订单永远扣不到库存。',
  'scenario.rocketmq.s-rmq-no-retry.title': '消费者吞掉失败（关闭重试）',
  'scenario.rocketmq.s-rmq-no-retry.desc':
    '监听器捕获异常并返回 CONSUME_SUCCESS：消息代理认为消息已消费，再也不会投递。',
  'scenario.rocketmq.s-rmq-duplicate.title': '重复投递，消费者幂等',
  'scenario.rocketmq.s-rmq-duplicate.desc':
    '库存服务扣减库存后、提交位移前崩溃。恢复后再次拉取到这条消息；已消费消息表认得这个 ID，库存只扣减一次。',
  'scenario.rocketmq.s-rmq-duplicate-no-idempotency.title': '重复投递，消费者不幂等',
  'scenario.rocketmq.s-rmq-duplicate-no-idempotency.desc':
    '同样的崩溃，没有已消费消息表：重新投递的消息再次扣减库存，“恰好一次”在第二次执行时被破坏。',

  'param.rocketmq.txCount': '订单数',
  'param.rocketmq.txCount.help': '订单服务下单的数量。',
  'param.rocketmq.txGap': '订单间隔',
  'param.rocketmq.txGap.help': '两个订单之间的时间。',
  'param.rocketmq.localTxTime': '本地事务耗时',
  'param.rocketmq.localTxTime.help': '半消息被确认后，executeLocalTransaction 执行多久。',
  'param.rocketmq.bizFail': '业务失败率',
  'param.rocketmq.bizFail.help': '本地事务失败并回滚（随后发送 ROLLBACK）的概率。',
  'param.rocketmq.localAnswer': '本地事务的返回',
  'param.rocketmq.localAnswer.help':
    'executeLocalTransaction 提交后返回什么：commit（COMMIT_MESSAGE）或 unknow（UNKNOW：消息代理必须反查）。',
  'param.rocketmq.sendTimeout': '发送超时',
  'param.rocketmq.sendTimeout.help': '消息代理在这段时间内没有应答，半消息的发送即失败。',
  'param.rocketmq.transactionTimeOut': '反查免疫期（transactionTimeOut）',
  'param.rocketmq.transactionTimeOut.help': '半消息从发送起至少这么久之后才会被反查。',
  'param.rocketmq.transactionCheckInterval': '反查间隔（transactionCheckInterval）',
  'param.rocketmq.transactionCheckInterval.help': '消息代理每隔这么久执行一轮反查。',
  'param.rocketmq.transactionCheckMax': '最大反查次数（transactionCheckMax）',
  'param.rocketmq.transactionCheckMax.help': '反查这么多次之后，半消息被丢弃到 TRANS_CHECK_MAX_TIME_TOPIC。',
  'param.rocketmq.maxReconsumeTimes': '最大重试次数（maxReconsumeTimes）',
  'param.rocketmq.maxReconsumeTimes.help': '重试这么多次之后，一直失败的消息进入 %DLQ%<消费者组>。',
  'param.rocketmq.consumeFails': '每条消息的消费失败次数',
  'param.rocketmq.consumeFails.help': '消费者处理每条消息时，成功之前业务失败的次数。',
  'param.rocketmq.partitions': '队列数',
  'param.rocketmq.partitions.help': 'ORDER_TOPIC 的消息队列数；同一个订单号总是落在同一个队列。',
  'param.rocketmq.fetchTimeout': '长轮询等待',
  'param.rocketmq.fetchTimeout.help': '空闲的拉取请求在这段时间后重新发送（丢失的拉取也会重发）。',
  'param.rocketmq.fetchMax': '每次拉取的消息数',
  'param.rocketmq.fetchMax.help': '一次拉取最多返回的消息数。',
  'param.rocketmq.procTime': '处理时间',
  'param.rocketmq.procTime.help': '消费者处理一条消息所需的时间。',

  'guard.rocketmq.idempotent': '消费者幂等',
  'guard.rocketmq.idempotent.desc':
    '消费者在自己的本地事务中记录每个消息 ID，跳过见过的 ID：至少一次的投递只生效一次。',
  'guard.rocketmq.checkListener': '回查监听器查本地表',
  'guard.rocketmq.checkListener.desc':
    'checkLocalTransaction 根据事务日志表回答（已提交 → COMMIT，无记录 → ROLLBACK，执行中 → UNKNOW）。关闭：一个总是回答 UNKNOW 的有缺陷的监听器。',
  'guard.rocketmq.retry': '消费者重试（RECONSUME_LATER）',
  'guard.rocketmq.retry.desc': '消费失败返回 RECONSUME_LATER，由消息代理按阶梯重试。关闭：异常被吞掉，消息算作已消费。',

  'inv.exactly-once': '恰好一次',
  'inv.rocketmq.exactly-once.desc': '没有订单的库存被扣减超过一次。',
  'inv.eventually-consistent': '最终一致',
  'inv.rocketmq.eventually-consistent.desc':
    '本地事务 ⇔ 消息：每个已提交订单的消息最终都被消费，并且只有已提交订单的消息被消费。',
  'inv.no-visible-rollback': '回滚的事务没有消息',
  'inv.no-visible-rollback.desc': '除非生产者的本地事务已提交，否则没有消息变得可见或被消费。',
  'inv.no-stuck-half': '没有一直等待的半消息',
  'inv.no-stuck-half.desc': '每条半消息最终都被提交、回滚或丢弃。',

  'rocketmq.table.orders': '订单（业务表）',
  'rocketmq.table.txLog': '事务日志（回查监听器读取的表）',
  'rocketmq.table.running': '执行中的本地事务',
  'rocketmq.table.consumed': '已消费的消息 ID（幂等）',
  'rocketmq.table.effects': '库存扣减（业务效果）',
  'rocketmq.table.failed': '消费失败记录',
  'rocketmq.col.order': '订单',
  'rocketmq.col.tx': '事务',
  'rocketmq.col.mid': '消息 ID',
  'rocketmq.col.qty': '数量',
  'rocketmq.col.at': '时间（毫秒）',
  'rocketmq.col.state': '状态',
  'rocketmq.col.reconsume': '第几次重试',
  'rocketmq.col.applied': '执行次数',
  'rocketmq.col.failures': '失败次数',
  'rocketmq.word.committed': '已提交',
  'rocketmq.word.rolled-back': '已回滚',
  'rocketmq.word.send-failed': '发送失败',
  'rocketmq.word.retrying': '重试中',
  'rocketmq.word.swallowed': '被吞掉（丢失）',

  'rocketmq.status.idle': '空闲',
  'rocketmq.status.down': '宕机',
  'rocketmq.status.sending': '发送半消息',
  'rocketmq.status.localTx': '本地事务中',
  'rocketmq.status.serving': '服务中',
  'rocketmq.status.halfWaiting': '有半消息等待',
  'rocketmq.status.consuming': '消费中',
  'rocketmq.row.orders': '订单',
  'rocketmq.row.sending': '发送中',
  'rocketmq.row.running': '本地事务',
  'rocketmq.row.half': '等待中',
  'rocketmq.row.halfNone': '已存半消息',
  'rocketmq.row.checks': '反查次数',
  'rocketmq.row.visible': '可见',
  'rocketmq.row.scheduled': '待重试',
  'rocketmq.row.retried': '已重试',
  'rocketmq.row.dlq': '死信',
  'rocketmq.row.maxCheck': '已放弃',
  'rocketmq.row.stock': '库存',
  'rocketmq.row.queued': '待处理',

  'rocketmq.note.sendHalf': '订单 {{tx}}：发送半消息 {{mid}}',
  'rocketmq.note.localStart': '半消息已确认：{{tx}} 的本地事务开始',
  'rocketmq.note.localCommit': '本地事务 {{tx}} 已提交 → COMMIT',
  'rocketmq.note.localUnknown': '本地事务 {{tx}} 已提交，但返回 UNKNOW',
  'rocketmq.note.localRollback': '本地事务 {{tx}} 失败并回滚 → ROLLBACK',
  'rocketmq.note.sendFailed': '{{tx}} 的半消息没有确认：发送失败，下单失败',
  'rocketmq.note.checked': '反查 {{tx}}：回查监听器回答 {{state}}',
  'rocketmq.note.polled': '从队列 {{partition}} 拉取 {{n}} 条消息，位移 {{from}}–{{next}}',
  'rocketmq.note.applied': '为 {{tx}} 扣减库存（消息 {{mid}}）',
  'rocketmq.note.appliedAgain': '再次为 {{tx}} 扣减库存：消息 {{mid}} 被执行 {{n}} 次',
  'rocketmq.note.duplicate': '重复消息 {{mid}} 被跳过：已消费过（幂等）',
  'rocketmq.note.consumeFailed': '消费 {{mid}} 失败（第 {{n}} 次）：RECONSUME_LATER',
  'rocketmq.note.swallowed': '消费 {{mid}} 失败，异常被吞掉：消息丢失',
  'rocketmq.note.broker.appended': '{{mid}} 追加到 {{pos}}',
  'rocketmq.note.broker.halfStored': '半消息 {{mid}} 存入 RMQ_SYS_TRANS_HALF_TOPIC（不可见）',
  'rocketmq.note.broker.committed': 'COMMIT：{{mid}} 在 {{pos}} 可见',
  'rocketmq.note.broker.rolledBack': 'ROLLBACK：半消息 {{mid}} 被删除',
  'rocketmq.note.broker.unknown': '{{mid}} 的 UNKNOW：等待反查',
  'rocketmq.note.broker.endIgnored': '{{mid}} 的 {{state}} 被忽略：事务已经结束',
  'rocketmq.note.broker.check': '反查轮次：向生产者询问 {{mid}}（第 {{n}} 次）',
  'rocketmq.note.broker.discarded': '{{mid}} 反查 {{n}} 次后被丢弃到 TRANS_CHECK_MAX_TIME_TOPIC',
  'rocketmq.note.broker.sentBack': '{{mid}} 被退回：{{wait}} 后第 {{n}} 次重试',
  'rocketmq.note.broker.retryDue': '{{mid}} 的第 {{n}} 次重试投入重试主题',
  'rocketmq.note.broker.deadLettered': '{{mid}} 重试 {{n}} 次仍失败：移入 {{pos}}',

  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.rocketmq.half': '半消息：COMMIT 之前不可见',
  'tour.rocketmq.half.1': '订单服务先发送一条半消息。消息代理把它存进 RMQ_SYS_TRANS_HALF_TOPIC，库存服务看不到它。',
  'tour.rocketmq.half.2':
    '消息代理确认了半消息之后，本地事务（下单）才开始：如果半消息存不下来，就不会有需要撤销的订单。',
  'tour.rocketmq.half.3':
    '订单已提交，生产者发送 COMMIT：消息代理把消息移入 ORDER_TOPIC，消息变为可见，库存服务拉取后扣减库存。',
  'tour.rocketmq.half.4':
    '这次业务失败：本地事务回滚，生产者发送 ROLLBACK。消息代理删除半消息——消费者从未见过它，下游无需撤销任何东西。',
  'tour.rocketmq.checkback': 'COMMIT 丢失，由反查修复（S-TXM-1）',
  'tour.rocketmq.checkback.1':
    '订单已提交，但单向发送的 COMMIT 在网络中丢失。消息仍是半消息：订单存在，库存还没扣，消费者每次拉取都是空的。',
  'tour.rocketmq.checkback.2':
    '60 秒时消息代理的反查轮次（每 transactionCheckInterval 一轮，只查存在超过 transactionTimeOut = 6 秒的半消息）发现它仍未决，于是询问生产者：反查。',
  'tour.rocketmq.checkback.3':
    '回查监听器读取事务日志——T1 已提交——回答 COMMIT。消息变为可见、库存被扣减，晚了大约一分钟：最终一致。',
  'tour.rocketmq.checkback.4':
    '另一种情况：半消息被确认后、本地事务执行前，生产者崩溃。60 秒反查时它的日志里没有 T1 的记录，于是回答 ROLLBACK，半消息被删除。',
  'tour.rocketmq.unknow': 'UNKNOW：“稍后再问我”',
  'tour.rocketmq.unknow.1':
    '本地事务已提交，但 executeLocalTransaction 返回 UNKNOW。消息代理让半消息保持不可见，把决定交给反查；60 秒时反查读到已提交的记录，提交消息。',
  'tour.rocketmq.unknow.2':
    '本地事务要执行 90 秒。60 秒第一次反查时它还在执行，唯一诚实的回答是 UNKNOW：消息代理下一轮再问。',
  'tour.rocketmq.unknow.3': '120 秒第二次反查，发现 T1 已提交：COMMIT，消息被投递。反查必须读取真实状态，不能猜。',
  'tour.rocketmq.unknow.4':
    '有缺陷的回查监听器每次都回答 UNKNOW。每分钟一次、反查 15 次（transactionCheckMax）之后，消息代理放弃，把消息丢弃到 TRANS_CHECK_MAX_TIME_TOPIC——而订单已经提交：数据不一致。',
  'tour.rocketmq.retry': '消费重试，然后进入死信队列',
  'tour.rocketmq.retry.1':
    '库存服务处理失败，返回 RECONSUME_LATER。消息被退回消息代理，放入 %RETRY%inventory_group 等待重试：第 1 次在 10 秒后，然后 30 秒、1 分钟……',
  'tour.rocketmq.retry.2': '第三次重试（约 100 秒时）成功，库存只扣了一次。重试把临时失败推向成功。',
  'tour.rocketmq.retry.3':
    '如果每次都失败，按 10 秒……2 小时的阶梯重试 16 次（约 4 小时 45 分）之后，消息进入死信队列 %DLQ%inventory_group。没有人消费它：订单一直扣不到库存，直到有人介入。',
  'tour.rocketmq.duplicate': '重复投递要求消费者幂等',
  'tour.rocketmq.duplicate.1': '库存服务扣减了库存，却在提交消费位移之前崩溃。消息代理仍认为 msg-T1 没有被消费。',
  'tour.rocketmq.duplicate.2':
    '重启后消息代理从旧位移再次投递 msg-T1。已消费表里已有它，重复消息被跳过：幂等的消费者。',
  'tour.rocketmq.duplicate.3': '没有已消费表，同样的重新投递又扣了一次库存：投递是至少一次，消费者必须幂等。',
};

export default zh;
