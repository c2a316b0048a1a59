/** 共享的类 Kafka 消息代理模块（src/patterns/broker）的文字：表格视图。（中文） */
const zh: Record<string, string> = {
  'broker.table.log': '主题分区（日志中等待消费的消息）',
  'broker.table.ends': '日志末端位移',
  'broker.table.offsets': '消费者组位移（已提交）',
  'broker.col.position': '主题/分区/位移',
  'broker.col.mid': '消息 ID',
  'broker.col.key': '键',
  'broker.col.type': '类型',
  'broker.col.at': '时间（毫秒）',
  'broker.col.partition': '主题/分区',
  'broker.col.logEnd': '下一个位移',
  'broker.col.groupPartition': '消费者组/主题/分区',
  'broker.col.committed': '已提交位移',
  // DDMQ 的延迟消息与消费重试（broker/ddmq.ts）
  'broker.ddmq.table.delayed': '延迟消息（DDMQ Chronos：事务监控消息）',
  'broker.ddmq.table.retries': '消费失败、等待重试的消息',
  'broker.ddmq.col.status': '状态',
  'broker.ddmq.col.due': '到期时间（毫秒）',
  'broker.ddmq.col.fired': '已投递次数',
  'broker.ddmq.col.to': '推送给',
  'broker.ddmq.col.attempt': '失败次数',
  'broker.ddmq.word.waiting': '等待中',
  'broker.ddmq.word.cancelled': '已取消',
  'broker.ddmq.word.done': '已投递',
};

export default zh;
