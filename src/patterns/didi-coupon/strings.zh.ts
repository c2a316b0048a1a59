/** 滴滴下单 + 优惠券流程（src/patterns/didi-coupon）的文字。（中文） */
import { meta } from './meta';
const zh: Record<string, string> = {
  'pattern.didi-coupon.name': meta.name.zh,
  'pattern.didi-coupon.desc':
    '下单用券：要么都成功，要么都不做（S-DIDI-1）。DDMQ 没有半消息，也没有 Broker 反查：订单服务先发送一条可取消的延迟“事务监控消息”，再锁券（准备操作），最后保存订单（基础操作），然后取消监控消息。保存失败时，监控消息延迟到期后投递给订单服务自己的消费者，它查不到订单就解锁优惠券——失败则重试，直到成功（最终一致）。',

  'role.didi-coupon.order': '订单服务 + 监控消息消费者',
  'role.didi-coupon.broker': 'DDMQ（延迟消息）',
  'role.didi-coupon.coupon': '优惠券服务',
  'node.didi-coupon.order': '订单服务',
  'node.didi-coupon.broker': 'DDMQ',
  'node.didi-coupon.rocketmq': 'RocketMQ',
  'node.didi-coupon.coupon': '优惠券服务',

  'scenario.didi-coupon.s-didi-1-happy.title': 'S-DIDI-1：订单保存成功，监控消息取消',
  'scenario.didi-coupon.s-didi-1-happy.desc':
    '先发监控消息（延迟 120 秒），锁券，保存订单，取消监控消息：监控消息从未投递，优惠券归订单使用。',
  'scenario.didi-coupon.s-didi-1-save-fails.title': 'S-DIDI-1：保存订单失败',
  'scenario.didi-coupon.s-didi-1-save-fails.desc':
    '优惠券已锁定，保存订单失败。没有人取消监控消息：120 秒后 DDMQ 把它投递给订单服务的消费者，消费者查不到订单，解锁优惠券并取消监控消息。',
  'scenario.didi-coupon.s-didi-1-unlock-fails.title': 'S-DIDI-1：解锁失败，重试后成功',
  'scenario.didi-coupon.s-didi-1-unlock-fails.desc':
    '保存失败，监控消息到来时优惠券服务宕机：解锁请求丢失，监控消息未被取消。间隔（60 秒）后 DDMQ 再次投递，这次解锁成功——最终一致。',
  'scenario.didi-coupon.s-didi-3-send-first.title': 'S-DIDI-3：先发消息——锁券后崩溃',
  'scenario.didi-coupon.s-didi-3-send-first.desc':
    '优惠券锁定后订单服务立即崩溃。监控消息是先发的，它到期后查不到订单，解锁优惠券。',
  'scenario.didi-coupon.s-didi-3-send-not-first.title': 'S-DIDI-3 坑：没有先发消息',
  'scenario.didi-coupon.s-didi-3-send-not-first.desc':
    '同样的崩溃，但服务先锁券、保存，打算之后再发消息。它在中间崩溃：消息根本不存在，优惠券永远不会被解锁。',
  'scenario.didi-coupon.s-didi-5-short-delay.title': 'S-DIDI-5 坑：监控消息延迟太短',
  'scenario.didi-coupon.s-didi-5-short-delay.desc':
    '保存订单需要 3 秒，监控消息只延迟 1 秒。它在订单还在保存时到来；消费者查不到订单，认为下单失败，解锁优惠券（空回滚）。随后订单还是保存成功了：订单没有了它的优惠券。',
  'scenario.didi-coupon.s-didi-5-long-delay.title': 'S-DIDI-5：延迟长于基础操作',
  'scenario.didi-coupon.s-didi-5-long-delay.desc':
    '同样保存 3 秒，监控消息延迟 5 秒：到期之前订单已保存、监控消息已取消。数据一致。',

  'param.didi-coupon.txCount': '订单数',
  'param.didi-coupon.txCount.help': '下多少个订单（每个订单用自己的优惠券）。',
  'param.didi-coupon.txGap': '订单间隔',
  'param.didi-coupon.txGap.help': '两个订单之间的时间。',
  'param.didi-coupon.saveTime': '保存订单耗时',
  'param.didi-coupon.saveTime.help': '基础操作（订单的本地事务）的耗时。',
  'param.didi-coupon.failRate': '保存失败概率',
  'param.didi-coupon.failRate.help': '保存订单失败的概率（1：总是失败）。',
  'param.didi-coupon.monitorDelay': '监控消息延迟',
  'param.didi-coupon.monitorDelay.help':
    '未被取消的事务监控消息第一次投递的时间。必须长于基础操作可能的耗时（S-DIDI-5）。',
  'param.didi-coupon.monitorInterval': '监控消息重投间隔',
  'param.didi-coupon.monitorInterval.help': '未被取消的监控消息隔这么久再投递一次。',
  'param.didi-coupon.monitorMax': '监控消息投递次数',
  'param.didi-coupon.monitorMax.help': '投递这么多次之后 DDMQ 不再投递该监控消息。',
  'param.didi-coupon.sendTimeout': '发送超时',
  'param.didi-coupon.sendTimeout.help': 'DDMQ 在这段时间内没有应答，生产者就重发监控消息。',
  'param.didi-coupon.sendRetries': '发送重试次数',
  'param.didi-coupon.sendRetries.help': '监控消息发送重试这么多次仍失败，则拒绝下单。',

  'guard.didi-coupon.sendFirst': '先发消息（S-DIDI-3）',
  'guard.didi-coupon.sendFirst.desc':
    '锁券之前先把事务监控消息存进 DDMQ。关闭：先锁券、保存，之后再发消息——中间崩溃就没有任何东西来解锁优惠券。',

  'inv.atomicity': '原子性',
  'inv.didi-coupon.atomicity.desc': '已保存的订单始终持有它的优惠券（被该订单锁定）。',
  'inv.no-leak': '无锁泄漏',
  'inv.didi-coupon.no-leak.desc': '每张被锁定的优惠券最终要么被已保存的订单使用，要么被解锁。',

  'didi.table.orders': '订单表（基础操作的表）',
  'didi.table.inflight': '处理中的请求（内存）',
  'didi.table.coupons': '优惠券',
  'didi.col.order': '订单',
  'didi.col.status': '状态',
  'didi.col.coupon': '优惠券',
  'didi.col.at': '时间（毫秒）',
  'didi.col.step': '步骤',
  'didi.col.willFail': '保存将失败',
  'didi.col.lockedAt': '锁定时间（毫秒）',
  'didi.col.freedAt': '解锁时间（毫秒）',
  'didi.word.saved': '已保存',
  'didi.word.locked': '已锁定',
  'didi.word.free': '可用',
  'didi.word.monitor': '发送监控消息',
  'didi.word.lock': '锁券中',
  'didi.word.saving': '保存订单中',
  'didi.word.failed': '保存失败',
  'didi.word.gave-up': '发送失败',

  'didi.status.idle': '空闲',
  'didi.status.down': '宕机',
  'didi.status.busy': '处理中',
  'didi.status.saving': '正在保存订单',
  'didi.status.locked': '优惠券已锁定',
  'didi.status.serving': '服务中',
  'didi.row.orders': '已保存订单',
  'didi.row.coupons': '优惠券',
  'didi.row.waiting': '等待中',
  'didi.row.messages': '队列中的消息',

  'didi.note.sendMonitor': '{{tx}}：先发送事务监控消息 {{mid}}（延迟 {{delay}} 毫秒）',
  'didi.note.sendRetry': '{{tx}}：DDMQ 无应答，重发监控消息（第 {{n}} 次）',
  'didi.note.sendFailed': '{{tx}}：监控消息发送失败（{{n}} 次）：拒绝下单，未锁任何东西',
  'didi.note.monitorStored': '{{tx}}：监控消息 {{mid}} 已存储；去锁券',
  'didi.note.lockFirst': '{{tx}}：先锁优惠券 {{coupon}}（消息稍后再发）',
  'didi.note.lockRefused': '{{tx}}：优惠券 {{coupon}} 已被占用：下单失败',
  'didi.note.saving': '{{tx}}：正在保存订单（耗时 {{ms}} 毫秒）',
  'didi.note.saved': '{{tx}}：订单已保存，使用优惠券 {{coupon}}；取消监控消息',
  'didi.note.saveFailed': '{{tx}}：保存订单失败——优惠券仍被锁定',
  'didi.note.sendAfter': '{{tx}}：现在才发送消息 {{mid}} 去解锁优惠券',
  'didi.note.monitorSaved': '{{tx}}：第 {{n}} 次监控消息——订单存在：取消监控消息',
  'didi.note.monitorUnlock': '{{tx}}：第 {{n}} 次监控消息——没有订单：解锁优惠券 {{coupon}}',
  'didi.note.monitorTooEarly':
    '{{tx}}：第 {{n}} 次监控消息在订单仍在保存时到来——还查不到订单，于是解锁优惠券 {{coupon}}',
  'didi.note.unlockedCancel': '{{tx}}：优惠券已解锁；取消监控消息 {{mid}}',
  'didi.note.cancelled': '{{tx}}：监控消息 {{mid}} 已取消',
  'didi.note.cancelLate': '{{tx}}：取消 {{mid}} 失败：已是最后一次投递',
  'didi.note.locked': '优惠券 {{coupon}} 已为 {{tx}} 锁定',
  'didi.note.unlocked': '优惠券 {{coupon}} 已解锁（由 {{tx}} 释放）',
  'didi.note.unlockNoop': '为 {{tx}} 解锁 {{coupon}}：并未被它锁定，无需操作（幂等）',
  'didi.note.broker.delayAdded': '延迟消息 {{mid}} 已存储，{{due}} 毫秒到期',
  'didi.note.broker.delayFired': '延迟消息 {{mid}} 已投递（第 {{n}} 次）；间隔后再次到期',
  'didi.note.broker.delayFiredLast': '延迟消息 {{mid}} 最后一次投递（第 {{n}} 次）',
  'didi.note.broker.delayCancelled': '延迟消息 {{mid}} 已取消',
  'param.didi-coupon.mq': '消息队列（DDMQ ↔ RocketMQ）',
  'param.didi-coupon.mq.help':
    'ddmq：延迟的事务监控消息，结果确定后取消，由业务自己的消费者回查。rocketmq：半消息，以 COMMIT / ROLLBACK 结束，由 Broker 反查。',
  'param.didi-coupon.transactionTimeOut': 'RocketMQ：多久后反查',
  'param.didi-coupon.transactionTimeOut.help': '半消息存在这么久之后才会被反查（仅 RocketMQ）。',
  'param.didi-coupon.transactionCheckInterval': 'RocketMQ：反查轮次间隔',
  'param.didi-coupon.transactionCheckInterval.help': 'Broker 每一轮检查一次它的半消息（仅 RocketMQ）。',
  'param.didi-coupon.transactionCheckMax': 'RocketMQ：最大反查次数',
  'param.didi-coupon.transactionCheckMax.help': '反查这么多次之后半消息被丢弃（仅 RocketMQ）。',
  'param.didi-coupon.fetchTimeout': 'RocketMQ：长轮询',
  'param.didi-coupon.fetchTimeout.help': '优惠券服务空闲的拉取请求在这么久之后才返回（仅 RocketMQ）。',

  'scenario.didi-coupon.s-didi-1-save-fails-rocketmq.title': 'S-DIDI-1 在 RocketMQ 上：保存失败，COMMIT 解锁',
  'scenario.didi-coupon.s-didi-1-save-fails-rocketmq.desc':
    '同样的保存失败，换成 RocketMQ 的模型：“解锁优惠券”的半消息在失败后立即提交，优惠券服务消费它并解锁——不必等 120 秒。',
  'scenario.didi-coupon.s-didi-3-send-first-rocketmq.title': 'S-DIDI-3 在 RocketMQ 上：锁券后崩溃，Broker 反查',
  'scenario.didi-coupon.s-didi-3-send-first-rocketmq.desc':
    '锁券后订单服务崩溃，半消息一直没有结束。transactionTimeOut（6 秒）之后的第一轮检查反查订单服务，它查不到订单，回答 COMMIT：优惠券被解锁。',
  'scenario.didi-coupon.s-didi-5-rocketmq.title': 'S-DIDI-5 在 RocketMQ 上：同样保存 3 秒',
  'scenario.didi-coupon.s-didi-5-rocketmq.desc':
    'S-DIDI-5 的场景换到 RocketMQ：没有业务自己选的延迟——订单保存、半消息回滚，都远早于 Broker 的反查（6 秒后的下一轮）。数据一致。',

  'didi.row.halfOpen': '未结束的半消息',
  'didi.note.sendHalf': '{{tx}}：先发送半消息 {{mid}}（“解锁优惠券”，提交前对消费者不可见）',
  'didi.note.commitUnlock': '{{tx}}：COMMIT {{mid}}：优惠券服务将消费它并解锁',
  'didi.note.savedRollback': '{{tx}}：订单已保存，使用优惠券 {{coupon}}；ROLLBACK 解锁消息',
  'didi.note.checkSaved': '{{tx}}：第 {{n}} 次反查——订单存在：ROLLBACK',
  'didi.note.checkCommit': '{{tx}}：第 {{n}} 次反查——没有订单：COMMIT（解锁优惠券）',
  'didi.note.checkTooEarly': '{{tx}}：第 {{n}} 次反查在订单仍在保存时到来——还查不到订单：COMMIT',
  'didi.note.consumeUnlock': '消费到 {{tx}} 的解锁消息：解锁优惠券 {{coupon}}',
  'didi.note.polled': '从分区 {{partition}} 拉取了 {{n}} 条消息，位移 {{from}}–{{next}}',
  'didi.note.broker.appended': '已追加 {{mid}}，位置 {{pos}}',
  'didi.note.broker.halfStored': '半消息 {{mid}} 已存储（对消费者不可见）',
  'didi.note.broker.committed': 'COMMIT：{{mid}} 现在可见，位置 {{pos}}',
  'didi.note.broker.rolledBack': 'ROLLBACK：半消息 {{mid}} 已删除',
  'didi.note.broker.unknown': '{{mid}} 为 UNKNOW：等待反查',
  'didi.note.broker.endIgnored': '{{mid}} 的 {{state}} 被忽略：事务已结束',
  'didi.note.broker.check': '检查轮次：向订单服务反查 {{mid}}（第 {{n}} 次）',
  'didi.note.broker.discarded': '{{mid}} 反查 {{n}} 次后被丢弃',
  'didi.note.broker.sentBack': '{{mid}} 已退回：第 {{n}} 次重试在 {{wait}} 后',
  'didi.note.broker.retryDue': '{{mid}} 的第 {{n}} 次重试已投递',
  'didi.note.broker.deadLettered': '{{mid}} 重试 {{n}} 次失败：移入 {{pos}}',

  // ---- guided tour (src/engine/tour.ts; tour.ts in this folder)
  'tour.didi-coupon.order': '锁券，保存订单（S-DIDI-1）',
  'tour.didi-coupon.order.1':
    '先发消息：在动任何东西之前，订单服务先在 DDMQ 里存一条延迟的“事务监控”消息，120 秒后到期。DDMQ 确认之后流程才继续。',
  'tour.didi-coupon.order.2': '优惠券服务为 T1 锁定优惠券。这是前置准备：如果后面失败，监控消息会撤销它。',
  'tour.didi-coupon.order.3':
    '基础操作——保存订单——放在最后。它成功了，订单服务取消监控消息：消息从未投递，优惠券归订单使用。',
  'tour.didi-coupon.unlock': '保存失败：监控消息解锁优惠券',
  'tour.didi-coupon.unlock.1': '保存订单失败。优惠券仍被锁定，也没有人取消监控消息——恰恰是它会来修复。',
  'tour.didi-coupon.unlock.2':
    '120 秒时 DDMQ 把监控消息投递给订单服务。它查不到订单 T1，于是解锁优惠券：前置准备被回滚，“要么都做，要么都不做”成立。',
  'tour.didi-coupon.unlock.3':
    '解锁本身也可能失败：第一次监控消息到来时优惠券服务宕机，解锁请求丢失。监控消息没有被取消，所以它仍在等待。',
  'tour.didi-coupon.unlock.4':
    '间隔（60 秒）之后 DDMQ 再次投递监控消息。这次解锁成功，之后才取消监控消息：靠重复投递达到最终一致。',
  'tour.didi-coupon.sendfirst': '先发消息（S-DIDI-3）',
  'tour.didi-coupon.sendfirst.1':
    '优惠券一锁定，订单服务就崩溃了，订单还没保存。因为监控消息是先发的，DDMQ 已经存着它。',
  'tour.didi-coupon.sendfirst.2': '监控消息到期后查不到订单，解锁优惠券。这次崩溃只耽误了时间。',
  'tour.didi-coupon.sendfirst.3':
    '同样的崩溃，但服务先锁券、打算之后再发消息：重启后消息根本不存在，也没有任何东西记得这把锁。优惠券永远被锁着。',
  'tour.didi-coupon.delay': '监控消息的延迟不能太短（S-DIDI-5）',
  'tour.didi-coupon.delay.1':
    '保存订单需要 3 秒，监控消息却只延迟 1 秒。它在订单还在保存时到来，查不到订单，于是解锁优惠券——回滚了一个并没有失败的订单（空回滚）。',
  'tour.didi-coupon.delay.2': '3 秒时订单还是保存成功了——用的是一张已经被释放的优惠券：订单和优惠券不一致。',
  'tour.didi-coupon.delay.3':
    '延迟 5 秒，长于 3 秒的保存：到期之前订单已保存、监控消息已取消，数据一致。延迟必须超过基础操作最坏情况下的耗时。',
};

export default zh;
