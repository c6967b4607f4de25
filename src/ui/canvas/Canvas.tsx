/**
 * The canvas: React Flow rendering the graph on screen (the top level or the
 * open composite). It holds only transient view state (drag positions,
 * measured sizes, edge selection); every change to the graph goes through a
 * store command.
 */
import { useCallback, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  useReactFlow,
  type Connection,
  type ConnectionLineComponentProps,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type AriaLabelConfig,
  getBezierPath,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import { analysisOf, graphAnalysisAt, useEditor, type XY } from '../store.ts';
import { canConnect, connect, fitsOnEdge, graphAt, insertIntoEdge, moveNodes, removeEdges, removeNodes, roomFor, type Connection as GraphConnection } from '../../graph/commands.ts';
import { FlowCache, type LayerFlowNode, type ShapeFlowEdge } from './faces.ts';
import { LayerNode } from './LayerNode.tsx';
import { ShapeEdge } from './ShapeEdge.tsx';
import { defaultParamsFor, useAddNode } from '../palette/useAddNode.ts';
import { DRAG_MIME, edgeAt, FITS_EDGE_MIME } from './drop.ts';
import { useView } from './useView.ts';
import { takeInsert, TYPICAL, useInsert } from './useInsert.ts';
import type { Text } from '../../i18n/text.ts';
import { useSay } from '../../i18n/useText.ts';
import { OverviewMap } from './OverviewMap.tsx';
import { useOpeningView } from './opening-view.ts';
import { ThumbsToggle } from '../inspect/NodeThumbs.tsx';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const SNAP: [number, number] = [16, 16];

function toGraphConnection(c: Connection | { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }): GraphConnection {
  const out: GraphConnection = { source: c.source, target: c.target };
  if (c.sourceHandle && c.sourceHandle !== 'out0') out.sourceHandle = c.sourceHandle;
  if (c.targetHandle) out.targetHandle = c.targetHandle;
  return out;
}

export function Canvas() {
  const { t } = useTranslation('app');
  const doc = useEditor((s) => s.history.present);
  const path = useEditor((s) => s.path);
  const selection = useEditor((s) => s.selection);
  const lang = useEditor((s) => s.lang);
  const viewEpoch = useEditor((s) => s.viewEpoch);
  const { edit, select, open, openSearch } = useEditor.getState();
  const flow = useReactFlow();

  const graph = graphAt(doc, path);
  const ga = graphAnalysisAt(analysisOf(doc), path);

  const [drag, setDrag] = useState<Map<string, XY> | null>(null);
  const [measured, setMeasured] = useState<Map<string, { width: number; height: number }>>(new Map());
  const [edgeSel, setEdgeSel] = useState<Set<string>>(new Set());
  // The edge a dragged layer would be inserted into, highlighted while the drag hovers it.
  const [dropEdge, setDropEdge] = useState<string | null>(null);
  const add = useAddNode();
  const view = useView();
  const insert = useInsert();
  const cache = useRef(new FlowCache()).current;
  // React Flow's edge aria-label is its own English unless we give one.
  const edgeLabel = useCallback(
    (source: string, target: string, shape: string) => (shape ? t('flowEdgeShape', { source, target, shape }) : t('flowEdge', { source, target })),
    [t],
  );
  const selected = useMemo(() => new Set(selection), [selection]);

  const nodes = useMemo(
    () => (graph ? cache.flowNodes(graph, ga, lang, selected, drag, measured) : []),
    [cache, graph, ga, lang, selected, drag, measured],
  );
  const baseEdges = useMemo(() => (graph ? cache.flowEdges(graph, ga, edgeLabel) : []), [cache, graph, ga, edgeLabel]);
  const ariaLabelConfig = useMemo(() => flowLabels(t), [t]);
  const edges = useMemo(
    () =>
      baseEdges.map((e) => {
        if (e.id === dropEdge) return { ...e, selected: edgeSel.has(e.id), className: 'drop-target', data: e.data && { ...e.data, dropTarget: true } };
        return edgeSel.has(e.id) ? { ...e, selected: true } : e;
      }),
    [baseEdges, edgeSel, dropEdge],
  );

  useOpeningView(viewEpoch);

  // A layer just inserted into an edge, now measured: make room at its real size, in the insert's undo step.
  const settle = useCallback(
    (id: string, size: { width: number; height: number }) => {
      const { history, path: at } = useEditor.getState();
      const key = takeInsert(id, history.present);
      const r = key && roomFor(history.present, id, size, at, view.sizes());
      if (key && r) edit(() => r, key);
    },
    [edit, view],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      let nextMeasured: Map<string, { width: number; height: number }> | null = null;
      let nextDrag: Map<string, XY> | null = null;
      let sel: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          nextMeasured ??= new Map(measured);
          nextMeasured.set(c.id, c.dimensions);
          settle(c.id, c.dimensions);
        } else if (c.type === 'position' && c.position && c.dragging) {
          nextDrag ??= new Map(drag ?? []);
          nextDrag.set(c.id, c.position);
        } else if (c.type === 'select') {
          sel ??= new Set(useEditor.getState().selection);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      }
      if (nextMeasured) setMeasured(nextMeasured);
      if (nextDrag) setDrag(nextDrag);
      if (sel) select([...sel]);
    },
    [measured, drag, select, settle],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeFlowEdge>[]) => {
    setEdgeSel((prev) => {
      let next: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        next ??= new Set(prev);
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next ?? prev;
    });
  }, []);

  const onNodeDragStop = useCallback(
    (_e: unknown, _n: LayerFlowNode, dragged: LayerFlowNode[]) => {
      const moved = new Map(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]));
      edit((d, p) => moveNodes(d, moved, p));
      setDrag(null);
    },
    [edit],
  );

  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: LayerFlowNode[]; edges: ShapeFlowEdge[] }) => {
      const nodeIds = ns.map((n) => n.id);
      const edgeIds = es.map((e) => e.id);
      if (!nodeIds.length && !edgeIds.length) return;
      edit((d, p) => {
        const r = removeEdges(d, edgeIds, p);
        return r.ok ? removeNodes(r.doc, nodeIds, p) : r;
      });
      setEdgeSel(new Set());
      select([]);
    },
    [edit, select],
  );

  // Clicking a layer while the Problems list is open means "show me this one": the Inspector does.
  const onNodeClick = useCallback(() => {
    const { sideTab, showTab } = useEditor.getState();
    if (sideTab === 'problems') showTab('inspector');
  }, []);

  const onConnect = useCallback((c: Connection) => void edit((d, p) => connect(d, toGraphConnection(c), p)), [edit]);

  const isValidConnection: IsValidConnection = useCallback(
    (c) => {
      const g = graphAt(useEditor.getState().history.present, useEditor.getState().path);
      return !!g && canConnect(g, toGraphConnection(c)).ok;
    },
    [],
  );

  // Dropping a connection on a handle that refuses it says why.
  const onConnectEnd: OnConnectEnd = useCallback((_e, state) => {
    if (state.isValid !== false || !state.fromNode || !state.fromHandle || !state.toNode) return;
    const reason = refusal(state.fromNode.id, state.fromHandle, state.toNode.id, state.toHandle?.id);
    if (reason) useEditor.getState().say({ kind: 'error', text: reason });
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropEdge(e.dataTransfer.types.includes(FITS_EDGE_MIME) ? edgeAt(e.clientX, e.clientY) : null);
  }, []);

  const onDragLeave = useCallback((e: DragEvent) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDropEdge(null);
  }, []);

  // A layer dropped on an edge goes into it (source → layer → target); elsewhere it lands where it was dropped.
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(DRAG_MIME);
      setDropEdge(null);
      if (!kind) return;
      e.preventDefault();
      const pos = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const edgeId = fitsOnEdge(kind) ? edgeAt(e.clientX, e.clientY) : null;
      if (!edgeId) {
        add(kind, { x: Math.round(pos.x), y: Math.round(pos.y) });
        return;
      }
      view.keepZoom();
      const sizes = view.sizes();
      // Centred under the pointer, as wide as the layer the edge feeds (a chain stays in line).
      const target = graph?.edges.find((x) => x.id === edgeId)?.target;
      const width = (target && sizes.get(target)?.width) || TYPICAL.width;
      const position = { x: Math.round(pos.x - width / 2), y: Math.round(pos.y - TYPICAL.height / 2) };
      const r = insert((d, measured) => insertIntoEdge(d, edgeId, { kind, params: defaultParamsFor(kind), position }, path, measured), path);
      if (r.ok && r.id) select([r.id]);
    },
    [add, flow, graph, insert, path, select, view],
  );

  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
      openSearch({ screen: { x: e.clientX, y: e.clientY }, flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
    },
    [flow, openSearch],
  );

  return (
    <div className="canvas" onDragEnter={onDragOver} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop} onDoubleClick={onDoubleClick} data-testid="canvas">
      <ReactFlow<LayerFlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onDelete={onDelete}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={(_e, n) => n.data.kind === 'Composite' && open(n.id)}
        onNodeClick={onNodeClick}
        connectionLineComponent={ConnectionLine}
        deleteKeyCode={['Backspace', 'Delete']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        zoomOnDoubleClick={false}
        snapToGrid
        snapGrid={SNAP}
        onlyRenderVisibleElements
        minZoom={0.05}
        fitView
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        <OverviewMap />
        <Controls>
          <ThumbsToggle />
        </Controls>
      </ReactFlow>
      {graph && graph.nodes.length === 0 && <div className="canvas-empty">{t('emptyCanvas')}</div>}
    </div>
  );
}

/** React Flow's control tooltips, minimap title and screen-reader texts, in the reader's language. */
function flowLabels(t: (key: string, values?: Record<string, unknown>) => string): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('flowNodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('flowNodeHelpKeys'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('flowMoved', { direction: t(`dir_${direction}`, { defaultValue: direction }), x, y }),
    'edge.a11yDescription.default': t('flowEdgeHelp'),
    'controls.ariaLabel': t('flowControls'),
    'controls.zoomIn.ariaLabel': t('flowZoomIn'),
    'controls.zoomOut.ariaLabel': t('flowZoomOut'),
    'controls.fitView.ariaLabel': t('flowFitView'),
    'controls.interactive.ariaLabel': t('flowInteractive'),
    'minimap.ariaLabel': t('flowMinimap'),
    'handle.ariaLabel': t('flowHandle'),
  };
}

/** Why the graph on screen would refuse a connection dragged from one handle to another, or null. */
function refusal(fromNodeId: string, fromHandle: { type: string; id?: string | null }, toNodeId: string, toHandleId?: string | null): Text | null {
  const { history, path } = useEditor.getState();
  const g = graphAt(history.present, path);
  const c =
    fromHandle.type === 'source'
      ? { source: fromNodeId, sourceHandle: fromHandle.id, target: toNodeId, targetHandle: toHandleId }
      : { source: toNodeId, sourceHandle: toHandleId, target: fromNodeId, targetHandle: fromHandle.id };
  const r = g ? canConnect(g, toGraphConnection(c)) : null;
  return r && !r.ok ? r.reason : null;
}

/** The line drawn while connecting; red, with the reason, when the handle under the cursor would refuse it. */
function ConnectionLine({ fromX, fromY, toX, toY, fromPosition, toPosition, connectionStatus, fromNode, fromHandle, toNode, toHandle }: ConnectionLineComponentProps) {
  const say = useSay();
  const [d] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  const invalid = connectionStatus === 'invalid';
  const reason = invalid && toNode ? refusal(fromNode.id, fromHandle, toNode.id, toHandle?.id) : null;
  return (
    <g>
      <path d={d} fill="none" strokeWidth={2} stroke={invalid ? '#d9534f' : '#4f8ad9'} strokeDasharray={invalid ? '6 4' : undefined} />
      {reason && (
        <text x={toX + 12} y={toY - 10} className="connection-refusal" data-testid="connection-refusal">
          {say(reason)}
        </text>
      )}
    </g>
  );
}
