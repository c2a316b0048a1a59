/** 导览播放器自身的文字（src/ui/tour）；解说词在各模式自己的文件夹里。 */
const zh: Record<string, string> = {
  'tour.start': '导览',
  'tour.start.desc': '开始本模式的导览（→ / PageDown / . 下一步，← / PageUp 上一步，Esc 结束）',
  'tour.stop': '结束导览',
  'tour.region': '导览',
  'tour.chapter': '章节',
  'tour.stepOf': '第 {{n}} 步，共 {{total}} 步',
  'tour.prev': '上一步',
  'tour.next': '下一步',
  'tour.otherScenario': '屏幕上的场景不是这一步的：按 → 或 ← 回到导览。',
  'shortcut.tourNext': '导览中：下一步',
  'shortcut.tourPrev': '导览中：上一步',
  'shortcut.tourExit': '导览中：结束导览（先于退出演示模式）',
};

export default zh;
