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
};

export default en;
