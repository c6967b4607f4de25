/** Strings of the app shell: toolbar, notices, breadcrumb. */
export const app = {
  en: {
    title: 'netloom',
    undo: 'Undo',
    redo: 'Redo',
    language: 'Language',
    topLevel: 'Model',
    emptyCanvas: 'Drag a layer from the palette, or double-click the canvas to search for one.',
    dismiss: 'Dismiss',
    tabInspector: 'Inspector',
    tabProblems: 'Problems',
    tabSummary: 'Summary',
  },
  ko: {
    title: 'netloom',
    undo: '실행 취소',
    redo: '다시 실행',
    language: '언어',
    topLevel: '모델',
    emptyCanvas: '팔레트에서 층을 끌어 놓거나, 캔버스를 두 번 클릭해 층을 검색하세요.',
    dismiss: '닫기',
    tabInspector: '속성',
    tabProblems: '문제',
    tabSummary: '요약',
  },
};
