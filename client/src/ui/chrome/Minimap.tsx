// A small plan of the floor with the visible area outlined; click or drag to move there.
// Drawn on a 2D canvas: the layout once per floor, the viewport box on camera changes.
import { useEffect, useRef } from 'react';
import type { Level } from '../../../../shared/level/schema.ts';
import { hall } from '../../engine/hallApi.ts';
import { useStore, useT } from '../../store/index.ts';

const WIDTH = 200;

function drawPlan(level: Level, colours: (exhibitorId: string) => string, scale: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = Math.ceil(level.size.width * scale);
  c.height = Math.ceil(level.size.height * scale);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#e7e1d4';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.strokeStyle = '#ffffff';
  ctx.lineCap = 'square';
  for (const a of level.alleys) {
    ctx.lineWidth = Math.max(1, a.width * scale);
    ctx.beginPath();
    a.points.forEach(([x, y], i) => (i ? ctx.lineTo(x * scale, y * scale) : ctx.moveTo(x * scale, y * scale)));
    ctx.stroke();
  }
  for (const s of level.stands) {
    ctx.fillStyle = colours(s.exhibitor);
    ctx.fillRect(s.x * scale, s.y * scale, Math.max(1, s.w * scale), Math.max(1, s.h * scale));
  }
  return c;
}

export function Minimap() {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  const level = useStore((s) => (s.floorId ? s.levels[s.floorId] : undefined));
  const exhibitors = useStore((s) => s.exhibitors);
  const hallReady = useStore((s) => s.hallReady);

  useEffect(() => {
    const canvas = ref.current;
    const engine = hall();
    if (!canvas || !level || !engine) return;
    const scale = WIDTH / level.size.width;
    const plan = drawPlan(level, (id) => exhibitors[id]?.colour ?? '#94a3b8', scale);
    canvas.width = plan.width;
    canvas.height = plan.height;
    const ctx = canvas.getContext('2d')!;
    const unsubscribe = engine.onCamera((v) => {
      ctx.drawImage(plan, 0, 0);
      ctx.strokeStyle = '#1d4ed8';
      ctx.lineWidth = 2;
      ctx.fillStyle = 'rgba(29, 78, 216, 0.12)';
      ctx.fillRect(v.x * scale, v.y * scale, v.w * scale, v.h * scale);
      ctx.strokeRect(v.x * scale, v.y * scale, v.w * scale, v.h * scale);
      const me = engine.avatarPosition();
      ctx.fillStyle = '#0ea5e9';
      ctx.beginPath();
      ctx.arc(me.x * scale, me.y * scale, 3.5, 0, Math.PI * 2);
      ctx.fill();
    });
    let dragging = false;
    const move = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      engine.moveCameraTo({ x: ((e.clientX - r.left) / r.width) * level.size.width, y: ((e.clientY - r.top) / r.height) * level.size.height });
    };
    const down = (e: PointerEvent) => {
      dragging = true;
      canvas.setPointerCapture(e.pointerId);
      move(e);
    };
    const drag = (e: PointerEvent) => dragging && move(e);
    const up = () => (dragging = false);
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', drag);
    canvas.addEventListener('pointerup', up);
    return () => {
      unsubscribe();
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', drag);
      canvas.removeEventListener('pointerup', up);
    };
  }, [level, exhibitors, hallReady]);

  if (!level) return null;
  return <canvas ref={ref} className="minimap" role="img" aria-label={t('minimap.label')} width={WIDTH} height={Math.round((WIDTH * level.size.height) / level.size.width)} />;
}
