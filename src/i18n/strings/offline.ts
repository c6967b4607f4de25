/** Strings of the offline status in the toolbar (src/ui/offline). */
export const offline = {
  en: {
    saving: 'Saving for offline…',
    savingTitle: 'netloom, its datasets and presets are being saved in this browser, so the app will work without a network.',
    ready: 'Works offline',
    readyTitle: 'netloom, its datasets and presets are saved in this browser: it works without a network.',
    update: 'New version: reload',
    updateTitle: 'A new version of netloom is ready. Reload to use it; your graph is kept.',
    updateAfterRun: 'A new version of netloom is ready. Reload after this training run ends.',
    failed: 'Not saved offline',
    failed_insecure: 'This page is not served over https (or from localhost), so the browser will not keep it for offline use. It works while the network is on.',
    failed_refused: 'The browser refused to save netloom for offline use (it may block service workers, for example in a private window). It works while the network is on.',
    failed_install: 'netloom could not be saved for offline use (storage full, or the network dropped while saving). It works while the network is on; reload to try again.',
  },
  ko: {
    saving: '오프라인용 저장 중…',
    savingTitle: 'netloom과 데이터셋, 프리셋을 이 브라우저에 저장하고 있습니다. 저장이 끝나면 네트워크 없이도 쓸 수 있습니다.',
    ready: '오프라인 사용 가능',
    readyTitle: 'netloom과 데이터셋, 프리셋이 이 브라우저에 저장되어 있어 네트워크 없이도 작동합니다.',
    update: '새 버전: 새로고침',
    updateTitle: 'netloom 새 버전이 준비되었습니다. 새로고침하면 적용되며, 작업 중인 그래프는 그대로 남습니다.',
    updateAfterRun: 'netloom 새 버전이 준비되었습니다. 지금 진행 중인 학습이 끝난 뒤에 새로고침하세요.',
    failed: '오프라인 저장 안 됨',
    failed_insecure: '이 페이지는 https(또는 localhost)로 열리지 않아 브라우저가 오프라인용으로 저장하지 않습니다. 네트워크가 연결된 동안에는 작동합니다.',
    failed_refused: '브라우저가 netloom의 오프라인 저장을 거부했습니다(시크릿 창처럼 서비스 워커를 막는 경우). 네트워크가 연결된 동안에는 작동합니다.',
    failed_install: 'netloom을 오프라인용으로 저장하지 못했습니다(저장 공간 부족, 또는 저장 중 네트워크 끊김). 네트워크가 연결된 동안에는 작동하며, 새로고침하면 다시 시도합니다.',
  },
};
