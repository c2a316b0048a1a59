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
};

export default zh;
