/** Strings of the Export menu (issue 15). Same keys in en and zh (a test checks). (Chinese.) */
const zh: Record<string, string> = {
  'export.intro': '文件名包含模式、场景和游标时间。',
  'export.images': '图片',
  'export.data': '数据',
  'export.diagram.png': '拓扑图 PNG',
  'export.diagram.png.desc': '游标时刻的完整拓扑，1920 × 1080',
  'export.diagram.svg': '拓扑图 SVG',
  'export.diagram.svg.desc': '游标时刻的完整拓扑，矢量图',
  'export.sequence.png': '时序图 PNG',
  'export.sequence.png.desc': '屏幕上显示的时序图，两倍尺寸',
  'export.sequence.svg': '时序图 SVG',
  'export.sequence.svg.desc': '屏幕上显示的时序图，矢量图',
  'export.trace.json': '轨迹 JSON',
  'export.trace.json.desc': '运行中的每个事件，连同场景和游标',
  'export.events.csv': '事件 CSV',
  'export.events.csv.desc': '每个事件一行，可用电子表格打开',
  'export.scenario.json': '场景文件',
  'export.scenario.json.desc': '导入和 npm run sim 读取的 JSON 文件',
  'export.working': '正在生成文件…',
  'export.failed': '导出失败：{{message}}',
};
export default zh;
