/**
 * "Your images": a folder with one subfolder per class, picked or dropped,
 * decoded and resized to the graph's input (H×W, grey or colour).
 */
import { useTranslation } from 'react-i18next';
import { cancelImages, chooseFolder, decodeImages, imageInputProblem, imagesKey, prepareImagesNow, setImagesNormal, type PickerContext } from './actions.ts';
import { fromDrop, fromFileList } from './drop.ts';
import { DropZone } from './DropZone.tsx';
import { imageTarget, shapeText } from './fit.ts';
import { PreparedView } from './PreparedView.tsx';
import { ProblemLine } from './ProblemLine.tsx';
import { usePicker } from './store.ts';

export function ImagesPane({ ctx }: { ctx: PickerContext }) {
  const { t } = useTranslation('results');
  const images = usePicker((s) => s.images);
  const target = imageTarget(ctx.inputShape);
  const size = target.ok ? shapeText([target.height, target.width, target.channels]) : null;
  const inputProblem = imageInputProblem(ctx.inputShape);

  const pick = (files: FileList) => {
    const list = fromFileList(files);
    chooseFolder(list, list[0]?.path.split('/')[0] || t('yourFolder'), ctx);
  };
  const drop = (dt: DataTransfer) =>
    void fromDrop(dt).then(
      ({ files, names }) => chooseFolder(files, names.length === 1 ? names[0]! : t('yourFolder'), ctx),
      () => chooseFolder([], t('yourFolder'), ctx),
    );

  return (
    <div className="dp-pane" data-testid="data-images">
      <DropZone
        folder
        onDrop={drop}
        onPick={pick}
        button={t('chooseFolder')}
        hint={target.ok ? t('folderHint', { size: `${target.height}×${target.width}`, colour: t(target.channels === 1 ? 'grey' : 'colour') }) : t('folderHintPlain')}
        testId="data-folder-input"
      />
      {inputProblem && <ProblemLine problem={inputProblem} />}
      {images && !inputProblem && (
        <>
          <p className="dp-file" title={images.name}>
            <span className="dp-file-name">{images.name}</span> <span className="dp-muted">{t('fileCount', { count: images.files.length })}</span>
          </p>
          {images.loading ? (
            <div className="dp-loading" data-testid="data-loading">
              <progress max={images.loading.total || 1} value={images.loading.done} />
              <span>{t('decoding', { done: images.loading.done, total: images.loading.total })}</span>
              <button className="dp-button" onClick={cancelImages}>
                {t('cancel')}
              </button>
            </div>
          ) : size && (images.problem?.code === 'not-image-input' || (images.decoded && images.decoded.size !== size)) ? (
            // Read for another input shape (or for none): read again at this graph's size.
            <div className="dp-stale" data-testid="data-stale">
              {images.decoded && <span>{t('staleSize', { was: images.decoded.size, now: size })}</span>}
              <button className="dp-button" onClick={() => void decodeImages(ctx)} data-testid="data-reload">
                {t('reloadAt', { size })}
              </button>
            </div>
          ) : images.problem ? (
            <ProblemLine problem={images.problem} />
          ) : (
            <PreparedView
              prepared={images.prepared}
              currentKey={imagesKey(ctx, images.normalClass)}
              task={ctx.task}
              value={ctx.value}
              onUse={() => prepareImagesNow(ctx)}
              onNormal={(n) => setImagesNormal(n, ctx)}
            />
          )}
        </>
      )}
    </div>
  );
}
