/** Strings of the sequence chart and the bottom panels (invariants, inspector, code, faults, event log). */
export default {
  en: {
    'panels.seq.title': 'Message sequence',
    'panels.inv.title': 'Invariants',
    'panels.insp.title': 'Inspector',
    'panels.faults.title': 'Faults',
    'panels.code.title': 'Code burden',
    'panels.log.title': 'Event log',
  },
  zh: {
    'panels.seq.title': '消息时序',
    'panels.inv.title': '不变量',
    'panels.insp.title': '检查器',
    'panels.faults.title': '故障',
    'panels.code.title': '代码负担',
    'panels.log.title': '事件日志',
  },
};
