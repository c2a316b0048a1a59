/** Strings of the shared Kafka-like broker module (src/patterns/broker): its table views. (English.) */
const en: Record<string, string> = {
  'broker.table.log': 'Topic partitions (messages waiting in the log)',
  'broker.table.ends': 'Log end offsets',
  'broker.table.offsets': 'Consumer group offsets (committed)',
  'broker.col.position': 'topic/partition/offset',
  'broker.col.mid': 'Message id',
  'broker.col.key': 'Key',
  'broker.col.type': 'Type',
  'broker.col.at': 'Time (ms)',
  'broker.col.partition': 'topic/partition',
  'broker.col.logEnd': 'Next offset',
  'broker.col.groupPartition': 'group/topic/partition',
  'broker.col.committed': 'Committed offset',
  // DDMQ's delayed messages and consumer retries (broker/ddmq.ts)
  'broker.ddmq.table.delayed': 'Delayed messages (DDMQ Chronos: tx monitors)',
  'broker.ddmq.table.retries': 'Failed messages waiting for their retry',
  'broker.ddmq.col.status': 'Status',
  'broker.ddmq.col.due': 'Due (ms)',
  'broker.ddmq.col.fired': 'Delivered',
  'broker.ddmq.col.to': 'Pushed to',
  'broker.ddmq.col.attempt': 'Failed attempts',
  'broker.ddmq.word.waiting': 'waiting',
  'broker.ddmq.word.cancelled': 'cancelled',
  'broker.ddmq.word.done': 'delivered',
};

export default en;
